import { IFRAME_SCRIPT_FILE } from './iframe-bundle.js';

/** @portal-hq/web 3.4.1 loads exactly this path on `http://${host}` for hosts starting with 'localhost:'. */
export const IFRAME_DIRECTORY = '/3.4.1/iframe/';
export const IFRAME_PAGE_PATH = `${IFRAME_DIRECTORY}index.html`;
export const IFRAME_SCRIPT_PATH = `${IFRAME_DIRECTORY}${IFRAME_SCRIPT_FILE}`;

export const IFRAME_PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Backup Kit emulator of Portal's iframe: development only, NOT MPC, not secure</title>
    <link rel="icon" href="data:,">
  </head>
  <body>
    <script type="module" src="./${IFRAME_SCRIPT_FILE}"></script>
  </body>
</html>
`;
