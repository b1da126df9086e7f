// Writes the browser bundles (the iframe page and the passkey window) next to the compiled
// server (dist/iframe/), using the same esbuild settings the server uses when it runs from
// source. Runs after `tsc` in `build`.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BROWSER_BUNDLES, bundleBrowserScript } from '../dist/server/iframe-bundle.js';

const outDir = new URL('../dist/iframe/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const { entry, file } of Object.values(BROWSER_BUNDLES)) {
  const script = await bundleBrowserScript(fileURLToPath(new URL(`../src/${entry}`, import.meta.url)));
  await writeFile(new URL(file, outDir), script);
  console.log(`browser bundle: dist/iframe/${file} (${Math.round(script.length / 1024)} kB)`);
}
