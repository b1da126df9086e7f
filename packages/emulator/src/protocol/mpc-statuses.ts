/** @portal-hq/web's MpcStatuses values (protocol §4). */
export const MpcStatuses = {
  DecryptingShare: 'Decrypting share',
  Done: 'Done',
  EncryptingShare: 'Encrypting share',
  GeneratingShare: 'Generating share',
  ParsingShare: 'Parsing share',
  ReadingShare: 'Reading share',
  RecoveringBackupShare: 'Recovering backup share',
  RecoveringSigningShare: 'Recovering signing share',
  StoringShare: 'Storing share',
} as const;

export type MpcStatus = (typeof MpcStatuses)[keyof typeof MpcStatuses];

/**
 * The progress the emulator reports, in this order; every status has `done: false` except the
 * final `Done`. The published SDK defines no order (the real one lives in the unpublished
 * iframe), so these follow the steps the emulator really performs.
 */
export const PROGRESS_ORDERS = {
  generate: [MpcStatuses.GeneratingShare, MpcStatuses.StoringShare, MpcStatuses.Done],
  backup: [
    MpcStatuses.ReadingShare,
    MpcStatuses.GeneratingShare,
    MpcStatuses.EncryptingShare,
    MpcStatuses.StoringShare,
    MpcStatuses.Done,
  ],
  recover: [
    MpcStatuses.ReadingShare,
    MpcStatuses.DecryptingShare,
    MpcStatuses.RecoveringBackupShare,
    MpcStatuses.RecoveringSigningShare,
    MpcStatuses.StoringShare,
    MpcStatuses.Done,
  ],
} as const satisfies Record<string, readonly MpcStatus[]>;
