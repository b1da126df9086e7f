import { createBackupFlow, loadBackupRun } from '../backup/backup-flow.js';
import { BackupKitError, toBackupKitError } from '../errors.js';
import { createStore } from '../internal/store.js';
import { getPortalFacade } from '../portal/portal-facade.js';
import { isBusy } from '../view/connect-flow.js';
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
  createBackupFlow,
  loadBackupRun,
  BackupKitError,
  toBackupKitError,
  createStore,
  getPortalFacade,
  isBusy,
  loadDirectPath,
  createPasskeyOptionsCheckCache,
  pageOriginOf,
  choosePasskeyPath,
  openPasskeyWindow,
  supportsWebAuthn,
};

export type PasskeyFlowKit = typeof passkeyFlowKit;
