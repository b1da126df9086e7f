import type { KeyProvider } from './key-provider.js';

/**
 * New data keys from `primary`; older rows open with whichever provider holds their key id.
 * This is how a deployment moves from the local key file to KMS without downtime: serve with
 * both (`--kms-key-id` and `--key-file`), then `keys rotate` moves every row to KMS.
 */
export function combineKeyProviders(primary: KeyProvider, ...readers: KeyProvider[]): KeyProvider {
  const all = [primary, ...readers];
  const holderOf = (keyId: string) => all.find((provider) => provider.handles?.(keyId)) ?? primary;
  return {
    wrapKey: (dataKey, context) => primary.wrapKey(dataKey, context),
    ...(primary.generateDataKey && { generateDataKey: primary.generateDataKey.bind(primary) }),
    unwrapKey: (wrapped, context) => holderOf(wrapped.keyId).unwrapKey(wrapped, context),
    async rewrapKey(wrapped, context) {
      if (primary.rewrapKey && holderOf(wrapped.keyId) === primary) return primary.rewrapKey(wrapped, context);
      const dataKey = await holderOf(wrapped.keyId).unwrapKey(wrapped, context);
      try {
        return await primary.wrapKey(dataKey, context);
      } finally {
        dataKey.fill(0);
      }
    },
    handles: (keyId) => all.some((provider) => provider.handles?.(keyId)),
  };
}
