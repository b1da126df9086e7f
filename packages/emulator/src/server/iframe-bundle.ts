/**
 * Bundles the browser pages' TypeScript for the browser with esbuild: the iframe page
 * (src/iframe/main.ts) and the passkey window (src/passkey-popup/main.ts, which carries
 * @simplewebauthn/browser). `pnpm build` writes them to dist/iframe/; a server running from
 * source bundles on the fly, so tests and `@backup-kit/source` consumers always serve the
 * current code.
 */
export const IFRAME_SCRIPT_FILE = 'emulator-iframe.js';
export const PASSKEY_POPUP_SCRIPT_FILE = 'passkey-popup.js';

/** Each browser bundle: its entry below src/ and its file in dist/iframe/. */
export const BROWSER_BUNDLES = {
  iframe: { entry: 'iframe/main.ts', file: IFRAME_SCRIPT_FILE },
  passkeyPopup: { entry: 'passkey-popup/main.ts', file: PASSKEY_POPUP_SCRIPT_FILE },
} as const;

export type BrowserBundle = keyof typeof BROWSER_BUNDLES;

export async function bundleBrowserScript(entryPath: string): Promise<string> {
  // esbuild is a devDependency: only the source checkout (and the build) ever loads it.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: false,
    legalComments: 'none',
    // The package tsconfig is for Node and type-checking; the bundle needs none of it.
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no iframe bundle');
  return output.text;
}
