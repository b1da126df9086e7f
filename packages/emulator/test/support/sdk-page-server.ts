import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundle: Promise<string> | undefined;

/**
 * The SDK test page for the browser. @solana/web3.js (which the SDK imports at the top level)
 * imports the `buffer` package itself in its browser build, so no Node global has to be
 * injected; `process.env.NODE_ENV` is defined because some dependencies read it.
 */
function bundleSdkPage(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./sdk-page.js', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    define: { 'process.env.NODE_ENV': '"test"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>@portal-hq/web against the Backup Kit emulator</title></head>
  <body><script type="module" src="/sdk-page.js"></script></body>
</html>
`;

export interface SdkPageServer {
  /** The parent origin, e.g. 'http://localhost:41234': a different port from the emulator. */
  origin: string;
  close(): Promise<void>;
}

export async function startSdkPageServer(): Promise<SdkPageServer> {
  const script = await bundleSdkPage();
  const server = createServer((request, response) => {
    const isScript = request.url === '/sdk-page.js';
    response.writeHead(200, {
      'content-type': isScript ? 'text/javascript' : 'text/html',
      'cache-control': 'no-store',
    });
    response.end(isScript ? script : PAGE_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
