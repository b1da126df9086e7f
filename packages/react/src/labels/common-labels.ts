import type { BackupKitError, BackupKitErrorCode, MpcStatus, MpcStatusName } from '@backup-kit/core';

/** Text every component shows; a provider can set it once for the whole app. */
export interface CommonLabels {
  /** While the provider waits for Portal. */
  connecting: string;
  /** A backup started and Portal has not reported a status yet. */
  starting: string;
  /** A human label per MPC status Portal reports; unknown statuses fall back to `starting`. */
  statuses: Partial<Record<MpcStatusName, string>>;
  /** Self-managed backups: the app's storage is saving the encrypted share. */
  storing: string;
  /** Self-managed backups: telling Portal the share is stored. */
  notifying: string;
  success: string;
  /** The retry action. */
  retry: string;
  /** A message per error code; the default is the error's own message (see messageFor in core). */
  errors: Partial<Record<BackupKitErrorCode, string>>;
}

/**
 * What apps pass as `labels`: any subset of the text, and any subset of each map of text
 * (statuses, errors, issues...), which merge key by key with the defaults.
 */
export type LabelOverrides<L> = {
  [K in keyof L]?: L[K] extends string | ((...args: never[]) => string) ? L[K] : Partial<L[K]>;
};

export const defaultCommonLabels: CommonLabels = {
  connecting: 'Connecting to Portal…',
  starting: 'Starting the backup…',
  statuses: {
    'Reading share': 'Reading your wallet…',
    'Generating share': 'Creating a backup share…',
    'Parsing share': 'Preparing the backup share…',
    'Encrypting share': 'Encrypting the backup…',
    'Storing share': 'Storing the backup share…',
    Done: 'Backup share created.',
  },
  storing: 'Saving the encrypted backup…',
  notifying: 'Confirming the backup with Portal…',
  success: 'Your wallet is backed up.',
  retry: 'Try again',
  errors: {},
};

/**
 * Defaults, then the provider's labels, then the component's: later wins, and maps of text
 * (statuses, errors, issues) merge key by key, so overriding one message keeps the others.
 */
export function mergeLabels<L extends CommonLabels>(
  defaults: L,
  ...overrides: Array<LabelOverrides<L> | LabelOverrides<CommonLabels> | undefined>
): L {
  const merged: Record<string, unknown> = { ...(defaults as object) };
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override ?? {})) {
      const base = merged[key];
      merged[key] = isTextMap(base) && isTextMap(value) ? { ...base, ...value } : value;
    }
  }
  return merged as L;
}

const isTextMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function errorText(labels: CommonLabels, error: BackupKitError): string {
  return labels.errors[error.code] ?? error.message;
}

export function progressText(labels: CommonLabels, status: MpcStatus | null): string {
  return (status && labels.statuses[status.status as MpcStatusName]) || labels.starting;
}
