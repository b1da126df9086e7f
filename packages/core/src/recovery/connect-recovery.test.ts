import { describe, expect, it } from 'vitest';
import { BackupKitError } from '../errors.js';
import { connectRecovery } from './connect-recovery.js';
import type { RecoverySnapshot } from './recovery-snapshot.js';

const ready = { portalStatus: 'ready' } as const;
const wrong = new BackupKitError('WRONG_PASSWORD', { stage: 'recovering' });

describe('connectRecovery', () => {
  it('is empty, with no trigger, when the wallet has no backup to recover from', () => {
    expect(connectRecovery({ state: 'idle', methods: [] }, { ...ready, methods: [] })).toMatchObject({
      state: 'empty',
      blocked: true,
      triggerHidden: true,
      statusKey: 'empty',
      method: undefined,
    });
  });

  it('recovers with the chosen method when it is offered, else the first offered', () => {
    const snapshot: RecoverySnapshot = { state: 'idle', methods: ['PASSWORD', 'GDRIVE'] };
    const methods = ['PASSWORD', 'GDRIVE'] as const;
    expect(connectRecovery(snapshot, { ...ready, methods, chosen: 'GDRIVE' }).method).toBe('GDRIVE');
    expect(connectRecovery(snapshot, { ...ready, methods, chosen: 'PASSKEY' }).method).toBe('PASSWORD');
  });

  it('turns a wrong password into its own state, shown on the password field', () => {
    const view = connectRecovery(
      { state: 'error', method: 'PASSWORD', methods: ['PASSWORD'], error: wrong },
      { ...ready, methods: ['PASSWORD'] },
    );
    expect(view).toMatchObject({
      state: 'wrong-password',
      fieldError: 'error',
      statusKey: 'error',
      error: wrong,
      blocked: false,
    });
  });

  it('asks for the password only for a PASSWORD recovery', () => {
    const snapshot: RecoverySnapshot = { state: 'idle', methods: ['PASSWORD', 'GDRIVE'] };
    const methods = ['PASSWORD', 'GDRIVE'] as const;
    expect(connectRecovery(snapshot, { ...ready, methods, passwordMissing: true }).fieldError).toBe('passwordRequired');
    expect(connectRecovery(snapshot, { ...ready, methods, chosen: 'GDRIVE', passwordMissing: true }).fieldError).toBe(
      undefined,
    );
  });

  it('locks while recovering and once recovered, and names the recovered address', () => {
    expect(
      connectRecovery({ state: 'recovering', method: 'GDRIVE', status: null }, { ...ready, methods: ['GDRIVE'] }),
    ).toMatchObject({ busy: true, locked: true, blocked: true, triggerKey: 'busy' });
    const done = connectRecovery(
      { state: 'success', method: 'GDRIVE', address: '0xabc' },
      { ...ready, methods: ['GDRIVE'] },
    );
    expect(done).toMatchObject({
      locked: true,
      triggerKey: 'done',
      statusKey: 'recovered',
    });
  });

  it('connects while Portal loads the methods, and lets a failed listing be retried with no method', () => {
    expect(connectRecovery({ state: 'loading' }, { portalStatus: 'loading', methods: [] })).toMatchObject({
      connecting: true,
      blocked: true,
      state: 'loading',
    });
    const listing = new BackupKitError('TIMEOUT', { stage: 'loading' });
    expect(
      connectRecovery({ state: 'error', method: undefined, methods: [], error: listing }, { ...ready, methods: [] }),
    ).toMatchObject({ state: 'error', blocked: false, triggerKey: 'retry' });
  });
});
