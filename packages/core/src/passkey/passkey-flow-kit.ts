import { backupKit } from '../backup/backup-kit.js';
import { loadDirectPath } from './direct/direct-path-kit.js';
import { createPasskeyOptionsCheckCache, pageOriginOf } from './passkey-options-check-cache.js';
import { choosePasskeyPath } from './passkey-path.js';
import { openPasskeyWindow } from './passkey-window.js';
import { supportsWebAuthn } from './webauthn-support.js';

/**
 * What the lazy passkey chunks (passkey-flow.ts, passkey-backup-adapter.ts) use of the eager
 * code, handed to them when they load. A lazy chunk that imported these itself would make
 * esbuild split an app's eager code into shared chunks, each gzipped alone.
 */
export const passkeyFlowKit = {
  ...backupKit,
  loadDirectPath,
  createPasskeyOptionsCheckCache,
  pageOriginOf,
  choosePasskeyPath,
  openPasskeyWindow,
  supportsWebAuthn,
};

export type PasskeyFlowKit = typeof passkeyFlowKit;
