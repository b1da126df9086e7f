import { BackupKitError, readPortalCode, toBackupKitError } from '../errors.js';
import { initErrorOf, timeoutsFor, watchPortal } from '../portal/portal-watch.js';
import { isBusy } from '../view/connect-flow.js';
import { withDeadline } from './deadline.js';
import { createStore } from './store.js';

/**
 * What core's lazy chunks (the flows, the status, the facade and its Portal calls) use of the
 * eager code, handed to them when they load. A lazy chunk that imported any of it itself would
 * make esbuild move the shared module into a chunk of its own that every app loads up front, as a
 * second file (measured: +300 B gzip for errors.js alone). So lazy chunks import only types and
 * other lazy-only modules; the rest comes in as `kit`.
 */
export const coreKit = {
  BackupKitError,
  toBackupKitError,
  readPortalCode,
  withDeadline,
  createStore,
  isBusy,
  timeoutsFor,
  watchPortal,
  initErrorOf,
};

export type CoreKit = typeof coreKit;
