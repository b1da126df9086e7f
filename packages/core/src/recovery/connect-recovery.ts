import type { BackupMethod } from '../portal/portal-like.js';
import { connectFlow, type ConnectOptions, type FlowView } from '../view/connect-flow.js';
import type { RecoverySnapshot, RecoveryState } from './recovery-snapshot.js';

export interface RecoveryConnectOptions extends ConnectOptions {
  /** The methods offered, in order: the app's list, or the ones the wallet has backups for. */
  methods: readonly BackupMethod[];
  /** The method the user picked, if any (ignored when it is not offered). */
  chosen?: BackupMethod | undefined;
  /** The user submitted a PASSWORD recovery with no password. */
  passwordMissing?: boolean | undefined;
}

/** What the password field says under it: the view's error (a wrong password), or that it is required. */
export type RecoveryFieldError = 'error' | 'passwordRequired';

export interface RecoveryView extends FlowView<RecoveryState, 'loading' | 'fetching' | 'empty' | 'recovered'> {
  /** The method a submit recovers with: the chosen one, else the first offered. */
  method: BackupMethod | undefined;
  /** The method choice and the password take no input: running or done. */
  locked: boolean;
  fieldError: RecoveryFieldError | undefined;
}

/**
 * What a recovery's parts show. Two states exist only here, on the DOM: `wrong-password` (an
 * error that the password field shows and a new password fixes) and `empty` (the wallet has no
 * backup to recover from: no trigger, an empty-state slot instead).
 */
export function connectRecovery(snapshot: RecoverySnapshot, options: RecoveryConnectOptions): RecoveryView {
  const { methods, chosen, passwordMissing } = options;
  const view = connectFlow(snapshot, options);
  const method = chosen && methods.includes(chosen) ? chosen : methods[0];
  const wrongPassword = view.error?.code === 'WRONG_PASSWORD';
  const empty = snapshot.state === 'idle' && methods.length === 0;
  return {
    ...view,
    state: wrongPassword ? 'wrong-password' : empty ? 'empty' : view.state,
    blocked: view.blocked || empty || (!method && !view.error),
    statusKey: empty
      ? 'empty'
      : snapshot.state === 'success'
        ? 'recovered'
        : (view.statusKey as RecoveryView['statusKey']),
    triggerHidden: empty,
    method,
    locked: view.busy || view.state === 'success',
    fieldError:
      method !== 'PASSWORD' ? undefined : wrongPassword ? 'error' : passwordMissing ? 'passwordRequired' : undefined,
  };
}
