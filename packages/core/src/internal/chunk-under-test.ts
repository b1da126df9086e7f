import { afterEach, vi } from 'vitest';

type ChunkFactory = (importOriginal: () => Promise<unknown>) => Promise<unknown>;

/**
 * For the tests of a lazy shell: its chunk counts its loads and fails them, as a lost network
 * would, while `failing`. `mock` and `unmock` are the test's own vi.doMock / vi.doUnmock calls (a
 * mock's path is resolved from the test file), `shell` imports the shell; `load()` gives the shell
 * in a fresh module graph, so no test sees another's loaded (or failed) chunk. Test-only.
 */
export function chunkUnderTest<M>(calls: { mock(factory: ChunkFactory): void; unmock(): void; shell(): Promise<M> }) {
  const factory: ChunkFactory = async (importOriginal) => {
    chunk.loads += 1;
    if (chunk.failing) throw new TypeError('Failed to fetch dynamically imported module');
    return importOriginal();
  };
  const chunk = {
    loads: 0,
    failing: false,
    load(): Promise<M> {
      calls.mock(factory);
      return calls.shell();
    },
  };
  afterEach(() => {
    calls.unmock();
    vi.resetModules();
    chunk.loads = 0;
    chunk.failing = false;
  });
  return chunk;
}
