import { startIframe } from './message-dispatcher.js';

/**
 * The emulator's iframe page, loaded by @portal-hq/web as
 * `http://localhost:PORT/3.4.1/iframe/index.html?parentOrigin=<the app's origin>`
 * (the SDK does not URL-encode parentOrigin).
 */
const parentOrigin = new URLSearchParams(window.location.search).get('parentOrigin');

console.warn(
  "Backup Kit emulator of Portal's iframe: for development only. NOT MPC, not secure; never use it with real funds.",
);

if (parentOrigin === null || parentOrigin === '') {
  console.error('Backup Kit emulator: the iframe URL has no ?parentOrigin=…; it must be loaded by @portal-hq/web');
} else {
  startIframe({ window, parentOrigin, storage: window.localStorage });
}
