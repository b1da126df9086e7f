import type { PasskeyOptions, PortalLike } from '@backup-kit/core';

// Bundlers replace process.env.NODE_ENV; without one there is no process and no warning.
declare const process: { env: { NODE_ENV?: string } };
let warned = false;

/**
 * In development, once: an app-made Portal was created with its own passkey config, which the kit
 * cannot read, so the provider's `passkey` reaches the kit's components only.
 */
export function warnPortalAndPasskey(props: { portal?: PortalLike | undefined; passkey?: PasskeyOptions | undefined }) {
  if (
    warned ||
    !props.portal ||
    !props.passkey ||
    typeof process === 'undefined' ||
    process.env.NODE_ENV === 'production'
  )
    return;
  warned = true;
  console.warn(
    "Backup Kit: `portal` and `passkey` both given; the kit cannot set that Portal's passkey config (see README).",
  );
}
