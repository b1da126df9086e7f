// Writes the iframe page's browser bundle next to the compiled server (dist/iframe/), using the
// same esbuild settings the server uses when it runs from source. Runs after `tsc` in `build`.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleIframeScript, IFRAME_SCRIPT_FILE } from '../dist/server/iframeBundle.js';

const entry = fileURLToPath(new URL('../src/iframe/main.ts', import.meta.url));
const outDir = new URL('../dist/iframe/', import.meta.url);
await mkdir(outDir, { recursive: true });
const script = await bundleIframeScript(entry);
await writeFile(new URL(IFRAME_SCRIPT_FILE, outDir), script);
console.log(`iframe bundle: dist/iframe/${IFRAME_SCRIPT_FILE} (${Math.round(script.length / 1024)} kB)`);
