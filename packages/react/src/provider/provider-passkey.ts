import {
  toPortalPasskeyConfig,
  type CreatePortalOptions,
  type PasskeyOptions,
  type PortalLike,
} from '@backup-kit/core';

/**
 * Portal's `passkey` config built from the provider's options, unless the app gave one itself.
 * Options that do not parse are left out here; the passkey components report them as issues.
 */
export function withPortalPasskey(options: CreatePortalOptions, passkey: PasskeyOptions | undefined) {
  if (!passkey || options.passkey || typeof location === 'undefined') return options;
  try {
    return { ...options, passkey: toPortalPasskeyConfig(passkey, location.origin) };
  } catch {
    return options;
  }
}

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
