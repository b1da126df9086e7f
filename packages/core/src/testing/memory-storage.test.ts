import { describe, expect, it } from 'vitest';
import { memoryStorage } from './memory-storage.js';

const signal = () => new AbortController().signal;

describe('memoryStorage', () => {
  it('plays the scripted loads in order, then reads what is stored', async () => {
    const failure = new Error('HTTP 503');
    const storage = memoryStorage({ loads: [{ throw: failure }] });
    await storage.save({ backupMethod: 'PASSWORD', cipherText: 'cipher', signal: signal() });

    await expect(storage.load({ backupMethod: 'PASSWORD', signal: signal() })).rejects.toBe(failure);
    await expect(storage.load({ backupMethod: 'PASSWORD', signal: signal() })).resolves.toBe('cipher');
  });

  it('holds a load scripted to hang until its signal aborts', async () => {
    const storage = memoryStorage({ loads: ['hang'] });
    const controller = new AbortController();
    const load = storage.load({ backupMethod: 'PASSWORD', signal: controller.signal });
    const reason = new Error('gave up');
    controller.abort(reason);

    await expect(load).rejects.toBe(reason);
  });
});
