import { describe, expect, it } from 'vitest';
import { createFaultQueue } from './fault-queue.js';

describe('injected faults', () => {
  it('affect the next matching call only, then are gone', () => {
    const faults = createFaultQueue();
    faults.add({ kind: 'backup', code: 211, message: 'boom' });
    expect(faults.take('recover', 'a')).toBeNull();
    expect(faults.take('backup', 'a')).toEqual({ effect: 'error', code: 211, message: 'boom', latencyMs: 0 });
    expect(faults.take('backup', 'a')).toBeNull();
  });

  it('affect as many calls as `times` says', () => {
    const faults = createFaultQueue();
    faults.add({ kind: 'getClient', times: 2 });
    expect(faults.take('getClient', null)).not.toBeNull();
    expect(faults.list()).toMatchObject([{ remaining: 1 }]);
    expect(faults.take('getClient', null)).not.toBeNull();
    expect(faults.take('getClient', null)).toBeNull();
  });

  it('can be limited to one apiKey', () => {
    const faults = createFaultQueue();
    faults.add({ kind: 'generate', apiKey: 'mine' });
    expect(faults.take('generate', 'theirs')).toBeNull();
    expect(faults.take('generate', 'mine')).not.toBeNull();
  });

  it('default to an error with code 999, or to a delay when only latency is given', () => {
    const faults = createFaultQueue();
    faults.add({ kind: 'backup' });
    faults.add({ kind: 'recover', latencyMs: 50 });
    faults.add({ kind: 'configure', effect: 'hang' });
    expect(faults.take('backup', null)).toEqual({
      effect: 'error',
      code: 999,
      message: "Injected fault on 'backup' (Backup Kit emulator)",
      latencyMs: 0,
    });
    expect(faults.take('recover', null)).toMatchObject({ effect: 'delay', latencyMs: 50 });
    expect(faults.take('configure', null)).toMatchObject({ effect: 'hang' });
  });

  it('refuse specs the SDK could not observe or that make no sense', () => {
    const faults = createFaultQueue();
    expect(() => faults.add({ kind: 'nope' as never })).toThrow('Unknown fault kind');
    expect(() => faults.add({ kind: 'address', code: 1 })).toThrow("no error reply for 'address'");
    expect(() => faults.add({ kind: 'backup', times: 0 })).toThrow('times');
    expect(() => faults.add({ kind: 'backup', latencyMs: -1 })).toThrow('latencyMs');
    expect(faults.list()).toEqual([]);
  });
});
