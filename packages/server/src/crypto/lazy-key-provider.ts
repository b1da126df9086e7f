import type { KeyProvider } from './key-provider.js';

/** A provider loaded on first use (e.g. a key file), so building a router stays synchronous. */
export function lazyKeyProvider(load: () => Promise<KeyProvider>): KeyProvider {
  let loading: Promise<KeyProvider> | undefined;
  const provider = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined; // try again on the next request rather than fail forever
      throw error;
    });
    return loading;
  };
  return {
    wrapKey: async (dataKey) => (await provider()).wrapKey(dataKey),
    unwrapKey: async (wrapped) => (await provider()).unwrapKey(wrapped),
  };
}
