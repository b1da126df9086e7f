import { describe, expect, it } from 'vitest';
import { BackupKitError } from '../errors.js';
import { connectPasskeySetup } from './connect-passkey-setup.js';

const ready = { portalStatus: 'ready' } as const;

describe('connectPasskeySetup', () => {
  it('blocks while it checks support, and says it connects while Portal loads', () => {
    expect(connectPasskeySetup({ state: 'checking' }, ready)).toMatchObject({
      blocked: true,
      statusKey: 'checking',
      triggerHidden: false,
    });
    expect(connectPasskeySetup({ state: 'idle', registered: false }, { portalStatus: 'loading' })).toMatchObject({
      connecting: true,
      statusKey: 'connecting',
    });
  });

  it('hides the trigger without passkey support, so there is never a dead button', () => {
    expect(connectPasskeySetup({ state: 'unsupported' }, ready)).toMatchObject({
      blocked: true,
      triggerHidden: true,
      statusKey: 'unsupported',
    });
  });

  it('counts registering as busy and shows a cancelled prompt as an error to retry', () => {
    expect(connectPasskeySetup({ state: 'registering' }, ready)).toMatchObject({ busy: true, triggerKey: 'busy' });
    const cancelled = new BackupKitError('PASSKEY_CANCELLED', { stage: 'passkey' });
    expect(connectPasskeySetup({ state: 'cancelled', error: cancelled }, ready)).toMatchObject({
      error: cancelled,
      triggerKey: 'retry',
      blocked: false,
    });
  });

  it('lists every invalid option from the error, keeping the error’s own list', () => {
    const issues = [{ code: 'RP_ID_MISMATCH', field: 'relyingPartyId', message: 'no' }];
    const error = new BackupKitError('PASSKEY_OPTIONS_INVALID', { stage: 'validating', details: { issues } });
    expect(connectPasskeySetup({ state: 'error', error }, ready).issues).toBe(issues);
    expect(connectPasskeySetup({ state: 'idle', registered: false }, ready).issues).toEqual([]);
  });
});
