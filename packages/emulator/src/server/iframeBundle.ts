/**
 * Bundles the iframe page's TypeScript (src/iframe/main.ts) for the browser with esbuild.
 * `pnpm build` writes it to dist/iframe/; a server running from source bundles on the fly,
 * so tests and `@backup-kit/source` consumers always serve the current code.
 */
export const IFRAME_SCRIPT_FILE = 'emulator-iframe.js';

export async function bundleIframeScript(entryPath: string): Promise<string> {
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
