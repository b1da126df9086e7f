import { describe, expect, it } from 'vitest';
import { BackupKitError } from '../errors.js';
import { connectBackup, connectPasswordBackup, hasTakenPassword } from './connect-backup.js';

const ready = { portalStatus: 'ready' } as const;
const storeFailed = new BackupKitError('STORAGE_FAILED', { stage: 'storing' });
const mpcFailed = new BackupKitError('BACKUP_FAILED', { stage: 'backing-up' });

describe('connectBackup', () => {
  it('connects only before a backup started, and keeps the method', () => {
    expect(connectBackup({ state: 'idle', method: 'GDRIVE' }, { portalStatus: 'loading' })).toMatchObject({
      connecting: true,
      blocked: true,
      method: 'GDRIVE',
      state: 'idle',
    });
    expect(connectBackup({ state: 'success', method: 'GDRIVE', storage: 'self' }, ready)).toMatchObject({
      blocked: true,
      triggerKey: 'done',
      statusKey: 'success',
    });
  });

  it('blocks the trigger in a browser without passkeys (a click could do nothing) and still shows why', () => {
    const unsupported = new BackupKitError('PASSKEY_UNSUPPORTED', { stage: 'passkey' });
    expect(connectBackup({ state: 'error', method: 'PASSKEY', error: unsupported }, ready)).toMatchObject({
      blocked: true,
      disabled: false,
      statusKey: 'error',
      error: unsupported,
    });
    expect(connectBackup({ state: 'error', method: 'PASSKEY', error: mpcFailed }, ready).blocked).toBe(false);
  });
});

describe('hasTakenPassword', () => {
  it('is true once the encrypted share exists, false while it does not or after an MPC failure', () => {
    expect(hasTakenPassword({ state: 'idle', method: 'PASSWORD' })).toBe(false);
    expect(hasTakenPassword({ state: 'backing-up', method: 'PASSWORD', status: null })).toBe(false);
    expect(hasTakenPassword({ state: 'storing', method: 'PASSWORD' })).toBe(true);
    expect(hasTakenPassword({ state: 'error', method: 'PASSWORD', error: storeFailed })).toBe(true);
    expect(hasTakenPassword({ state: 'error', method: 'PASSWORD', error: mpcFailed })).toBe(false);
  });
});

describe('connectPasswordBackup', () => {
  it('locks the fields while running, once done, and once the password was taken (a storage retry needs none)', () => {
    expect(connectPasswordBackup({ state: 'idle', method: 'PASSWORD' }, ready).locked).toBe(false);
    expect(connectPasswordBackup({ state: 'backing-up', method: 'PASSWORD', status: null }, ready).locked).toBe(true);
    const afterStorage = connectPasswordBackup({ state: 'error', method: 'PASSWORD', error: storeFailed }, ready);
    expect(afterStorage).toMatchObject({ locked: true, passwordTaken: true, blocked: false, triggerKey: 'retry' });
    const afterMpc = connectPasswordBackup({ state: 'error', method: 'PASSWORD', error: mpcFailed }, ready);
    expect(afterMpc).toMatchObject({ locked: false, passwordTaken: false });
  });
});
