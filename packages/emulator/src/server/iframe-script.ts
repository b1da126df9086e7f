import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BROWSER_BUNDLES, bundleBrowserScript, type BrowserBundle } from './iframe-bundle.js';

const runningFromSource = import.meta.url.endsWith('.ts');
const cached = new Map<BrowserBundle, Promise<string>>();

function load(bundle: BrowserBundle): Promise<string> {
  const { entry, file } = BROWSER_BUNDLES[bundle];
  return runningFromSource
    ? bundleBrowserScript(fileURLToPath(new URL(`../${entry}`, import.meta.url)))
    : readFile(new URL(`../iframe/${file}`, import.meta.url), 'utf8').catch(() => {
        throw new Error(`dist/iframe/${file} is missing: run \`pnpm --filter @backup-kit/emulator build\``);
      });
}

/**
 * A browser page's script: bundled from src/ when this module runs from source (tests, the
 * `@backup-kit/source` condition), read from dist/iframe when it runs built (the bin).
 */
export function loadBrowserScript(bundle: BrowserBundle): Promise<string> {
  let script = cached.get(bundle);
  if (!script) {
    script = load(bundle).catch((error: unknown) => {
      cached.delete(bundle);
      throw error;
    });
    cached.set(bundle, script);
  }
  return script;
}
