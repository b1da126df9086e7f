import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleIframeScript, IFRAME_SCRIPT_FILE } from './iframeBundle.js';

const runningFromSource = import.meta.url.endsWith('.ts');
let cached: Promise<string> | undefined;

/**
 * The iframe's script: bundled from src/iframe when this module runs from source (tests,
 * the `@backup-kit/source` condition), read from dist/iframe when it runs built (the bin).
 */
export function loadIframeScript(): Promise<string> {
  cached ??= (
    runningFromSource
      ? bundleIframeScript(fileURLToPath(new URL('../iframe/main.ts', import.meta.url)))
      : readFile(new URL(`../iframe/${IFRAME_SCRIPT_FILE}`, import.meta.url), 'utf8').catch(() => {
          throw new Error(
            `dist/iframe/${IFRAME_SCRIPT_FILE} is missing: run \`pnpm --filter @backup-kit/emulator build\``,
          );
        })
  ).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
