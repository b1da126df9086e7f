import { describe, expect, it } from 'vitest';
import { BackupKitError } from '../errors.js';
import { connectFlow, isBusy, notStarted, portalDead } from './connect-flow.js';

const ready = { portalStatus: 'ready' } as const;

describe('isBusy', () => {
  it('counts every running state of every flow as busy, and nothing else', () => {
    for (const state of ['registering', 'backing-up', 'storing', 'notifying', 'fetching', 'recovering'])
      expect(isBusy({ state })).toBe(true);
    for (const state of ['idle', 'checking', 'loading', 'unsupported', 'cancelled', 'success', 'error', 'ready'])
      expect(isBusy({ state })).toBe(false);
  });
});

describe('notStarted', () => {
  it('is true before anything ran (idle, checking support, loading), false once a flow ran', () => {
    for (const state of ['idle', 'checking', 'loading']) expect(notStarted({ state })).toBe(true);
    for (const state of ['backing-up', 'success', 'error', 'ready', 'unsupported'])
      expect(notStarted({ state })).toBe(false);
  });
});

describe('portalDead', () => {
  it('is true only for an initialization error that a retry cannot fix', () => {
    expect(portalDead(new BackupKitError('PORTAL_INIT_FAILED', { stage: 'initializing', retryable: false }))).toBe(
      true,
    );
    expect(portalDead(new BackupKitError('TIMEOUT', { stage: 'initializing' }))).toBe(false);
    expect(portalDead(new BackupKitError('BACKUP_FAILED', { stage: 'backing-up', retryable: false }))).toBe(false);
    expect(portalDead(undefined)).toBe(false);
  });
});

describe('connectFlow', () => {
  it('says it connects, and blocks, while Portal loads and nothing has started', () => {
    const view = connectFlow({ state: 'idle' }, { portalStatus: 'loading' });
    expect(view).toMatchObject({ connecting: true, blocked: true, statusKey: 'connecting', triggerKey: 'start' });
    // Once something runs, the flow's own status wins over a loading Portal.
    const running = connectFlow({ state: 'storing' }, { portalStatus: 'loading' });
    expect(running).toMatchObject({ connecting: false, statusKey: 'storing', triggerKey: 'busy' });
  });

  it('shows the progress while Portal works, nothing while idle, the state’s own label otherwise', () => {
    const status = { status: 'Encrypting share', done: false };
    expect(connectFlow({ state: 'backing-up', status }, ready)).toMatchObject({
      statusKey: 'progress',
      progress: status,
    });
    expect(connectFlow({ state: 'backing-up', status: null }, ready)).toMatchObject({
      statusKey: 'progress',
      progress: null,
    });
    expect(connectFlow({ state: 'idle' }, ready).statusKey).toBe('none');
    expect(connectFlow({ state: 'success' }, ready).statusKey).toBe('success');
  });

  it('offers a retry only for a retryable error, and blocks when Portal cannot start at all', () => {
    const retryable = new BackupKitError('STORAGE_FAILED', { stage: 'storing' });
    expect(connectFlow({ state: 'error', error: retryable }, ready)).toMatchObject({
      triggerKey: 'retry',
      blocked: false,
      error: retryable,
      statusKey: 'error',
    });
    const final = new BackupKitError('PASSWORD_INVALID', { stage: 'backing-up', retryable: false });
    expect(connectFlow({ state: 'error', error: final }, ready)).toMatchObject({
      triggerKey: 'start',
      blocked: false,
    });
    const dead = new BackupKitError('PORTAL_INIT_FAILED', { stage: 'initializing', retryable: false });
    expect(connectFlow({ state: 'error', error: dead }, ready).blocked).toBe(true);
  });

  it('blocks while busy, in the stopped states, and when disabled; done reads as done', () => {
    expect(connectFlow({ state: 'notifying' }, ready).blocked).toBe(true);
    expect(connectFlow({ state: 'success' }, ready)).toMatchObject({
      blocked: true,
      triggerKey: 'done',
    });
    expect(connectFlow({ state: 'idle' }, { ...ready, disabled: true })).toMatchObject({
      blocked: true,
      disabled: true,
    });
    expect(connectFlow({ state: 'idle' }, ready)).toMatchObject({ blocked: false, disabled: false });
    // Not ready to start (checking support, loading, no passkeys) or done: nothing to trigger.
    for (const state of ['checking', 'loading', 'unsupported', 'success'])
      expect(connectFlow({ state }, ready).blocked).toBe(true);
    expect(connectFlow({ state: 'ready' }, ready).blocked).toBe(false);
  });
});
