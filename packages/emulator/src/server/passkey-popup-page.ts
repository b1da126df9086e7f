import { PASSKEY_POPUP_PATH } from '../passkey-popup-url.js';
import { PASSKEY_POPUP_SCRIPT_FILE } from './iframe-bundle.js';

export const PASSKEY_POPUP_SCRIPT_PATH = `/passkey/${PASSKEY_POPUP_SCRIPT_FILE}`;

/** The passkey window: one button, so the user's click gives it user activation. */
export const PASSKEY_POPUP_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Passkey · Backup Kit emulator</title>
    <link rel="icon" href="data:,">
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 2rem 1.5rem; color: #1f2328; }
      h1 { font-size: 1.25rem; margin: 0 0 1rem; }
      button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 0.5rem; border: 0; background: #0b57d0; color: #fff; cursor: pointer; }
      button:disabled { background: #8c959f; cursor: default; }
      #status { min-height: 3rem; }
      small { display: block; margin-top: 2rem; color: #59636e; }
    </style>
  </head>
  <body>
    <main>
      <h1>Passkey for your wallet backup</h1>
      <p id="what">Waiting for the app…</p>
      <button id="continue" type="button" disabled>Continue with passkey</button>
      <p id="status" role="status" aria-live="polite"></p>
      <small>Backup Kit emulator: for development only. Not Portal, not secure.</small>
    </main>
    <script type="module" src="${PASSKEY_POPUP_SCRIPT_PATH}"></script>
  </body>
</html>
`;

export { PASSKEY_POPUP_PATH };
