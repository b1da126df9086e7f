import type { BackupKitError } from '../errors.js';
import type { ConnectOptions } from '../view/connect-flow.js';
import type { ExportSnapshot, ExportState } from './export-flow.js';

/** What the export's status line says: one key per state, or that Portal is still loading. */
export type ExportStatusKey =
  'none' | 'connecting' | 'confirm' | 'revealing' | 'revealed' | 'hidden' | 'refused' | 'error';

export interface ExportView {
  /** data-state on every part. */
  state: ExportState;
  busy: boolean;
  connecting: boolean;
  /** The start trigger ignores activation: running, shown, Portal not usable, or disabled. */
  blocked: boolean;
  disabled: boolean;
  error: BackupKitError | undefined;
  statusKey: ExportStatusKey;
  /** The confirmation step is showing (the key is fetched only after it). */
  confirming: boolean;
  /** The key may be rendered, as text, now and only now. */
  keyVisible: boolean;
  /** Which label the start trigger shows. */
  triggerKey: 'start' | 'busy' | 'again' | 'retry';
}

/** What an export's parts show, from its snapshot: computed once, here. */
export function connectExport(snapshot: ExportSnapshot, options: ConnectOptions): ExportView {
  const { state } = snapshot;
  const disabled = options.disabled ?? false;
  const busy = state === 'revealing';
  const connecting = options.portalStatus === 'loading' && state === 'idle';
  const error = state === 'error' || state === 'refused' ? snapshot.error : undefined;
  return {
    state,
    busy,
    connecting,
    blocked: busy || state === 'revealed' || options.portalStatus !== 'ready' || disabled,
    disabled,
    error,
    statusKey: connecting ? 'connecting' : state === 'idle' ? 'none' : state === 'confirming' ? 'confirm' : state,
    confirming: state === 'confirming',
    keyVisible: state === 'revealed',
    triggerKey: busy ? 'busy' : state === 'hidden' ? 'again' : error?.retryable ? 'retry' : 'start',
  };
}
