import { describe, expect, it } from 'vitest';
import { BackupKitError, messageFor, toBackupKitError } from './errors.js';

describe('toBackupKitError', () => {
  it('maps Portal decrypt error 407 during recovery to WRONG_PASSWORD', () => {
    const error = toBackupKitError(
      Object.assign(new Error('Failed to decrypt'), { code: 407 }),
      'recovering',
      'RECOVERY_FAILED',
    );
    expect(error).toMatchObject({ code: 'WRONG_PASSWORD', stage: 'recovering', portalCode: 407, retryable: true });
    expect(error.message).toBe(messageFor('WRONG_PASSWORD'));
  });

  it('keeps string Portal codes such as WALLET_MODIFICATION_ALREADY_IN_PROGRESS', () => {
    const error = toBackupKitError(
      { code: 'WALLET_MODIFICATION_ALREADY_IN_PROGRESS', message: 'busy' },
      'backing-up',
      'BACKUP_FAILED',
    );
    expect(error).toMatchObject({ code: 'BACKUP_FAILED', portalCode: 'WALLET_MODIFICATION_ALREADY_IN_PROGRESS' });
  });

  it('uses its own message, never the cause text, so a secret in a cause cannot leak', () => {
    const error = toBackupKitError(new Error('cipherText=abc123 rejected'), 'storing', 'STORAGE_FAILED');
    expect(error.message).not.toContain('abc123');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('recognises the SDK password pre-checks', () => {
    expect(toBackupKitError(new Error('Password must be at least 4 characters'), 'backing-up').code).toBe(
      'PASSWORD_INVALID',
    );
  });

  it('tells a timeout from an abort', () => {
    expect(toBackupKitError(new DOMException('t', 'TimeoutError'), 'storing').code).toBe('TIMEOUT');
    expect(toBackupKitError(new DOMException('a', 'AbortError'), 'storing').code).toBe('ABORTED');
  });

  it('keeps an existing BackupKitError as it is, with the stage where it happened', () => {
    const original = new BackupKitError('PORTAL_NOT_READY', { stage: 'initializing' });
    expect(toBackupKitError(original, 'storing')).toBe(original);
  });

  it('is an Error with a stable name', () => {
    const error = new BackupKitError('UNKNOWN', { stage: 'status' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BackupKitError');
  });

  it("treats Portal's passkey-window code PASSKEY_CANCELLED as a cancelled prompt", () => {
    const error = toBackupKitError({ code: 'PASSKEY_CANCELLED', message: 'closed' }, 'backing-up', 'BACKUP_FAILED');
    expect(error).toMatchObject({ code: 'PASSKEY_CANCELLED', portalCode: 'PASSKEY_CANCELLED', retryable: true });
  });

  it("treats a passkey window that never opened as PASSKEY_FAILED, keeping Portal's code", () => {
    const error = toBackupKitError(
      { code: 'PASSKEY_POPUP_NOT_OPENED', message: 'no popup' },
      'backing-up',
      'BACKUP_FAILED',
    );
    expect(error).toMatchObject({ code: 'PASSKEY_FAILED', portalCode: 'PASSKEY_POPUP_NOT_OPENED' });
  });
});
