import { runPasskeyWindow } from './passkey-window.js';

/**
 * The emulator's passkey window, `http://localhost:PORT/passkey/popup`, opened by the app inside
 * its click (window.open, so it has an opener). A top-level page on the emulator's origin, so
 * WebAuthn works here with the relying party 'localhost'.
 */
runPasskeyWindow({
  window,
  document,
  origin: window.location.origin,
});
