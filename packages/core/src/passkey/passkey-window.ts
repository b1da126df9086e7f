/**
 * The window in which Portal runs a passkey ceremony on the SDK's own path. Portal's iframe is
 * cross-origin and has neither WebAuthn permission nor a user gesture, so the ceremony runs in
 * a popup; a popup gets past the blocker only when it is opened synchronously inside the
 * user's click, so the kit opens it there, before any await, and the SDK's iframe then finds it.
 */
export interface PasskeyWindowOptions {
  /** Where Portal (or the Backup Kit emulator) serves its passkey window. */
  url: string;
  /** @default 'portal-passkey' (one named window: a second click reuses it) */
  name?: string;
  /** @default 'popup,width=480,height=640' */
  features?: string;
}

/** Opens the window now; call only inside a click or key handler. Null when blocked. */
export function openPasskeyWindow(options: PasskeyWindowOptions | undefined): Window | null {
  if (!options || typeof window === 'undefined') return null;
  return window.open(options.url, options.name ?? 'portal-passkey', options.features ?? 'popup,width=480,height=640');
}
