/**
 * `@backup-kit/core/passkey`: the passkey helpers for apps that drive a ceremony themselves —
 * whether this browser can do WebAuthn, Portal's passkey window opened inside a click, and which
 * of the seed's passkey API this SDK build has. Not in
 * the main entry: the kit's own flows use them only from their lazy chunks, and a module the main
 * entry reaches would be moved into every app's eager code by esbuild once a lazy chunk used it.
 */
export { supportsWebAuthn } from './passkey/webauthn-support.js';
export { openPasskeyWindow, type PasskeyWindowOptions } from './passkey/passkey-window.js';
export { detectSdkFeatures, type SdkFeatures } from './portal/sdk-features.js';
