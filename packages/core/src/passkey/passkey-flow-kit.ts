import { backupKit } from '../backup/backup-kit.js';
import { anySignal } from '../internal/any-signal.js';
import { choosePasskeyPath } from './passkey-path.js';

/**
 * What the lazy passkey chunks (passkey-flow.ts, passkey-backup-adapter.ts) use of the eager
 * code, handed to them when they load. A lazy chunk that imported these itself would make
 * esbuild split an app's eager code into shared chunks, each gzipped alone.
 */
export const passkeyFlowKit = {
  ...backupKit,
  anySignal,
  choosePasskeyPath,
};

export type PasskeyFlowKit = typeof passkeyFlowKit;
