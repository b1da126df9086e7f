import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import dts from 'vite-plugin-dts';

/** Ships src/styles.css as dist/styles.css, untouched: it is opt-in, never imported by the JS. */
function copyStyles(): Plugin {
  return {
    name: 'backup-kit:copy-styles',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync('src/styles.css', 'utf8') });
    },
  };
}

/**
 * Where the built JSX imports its runtime from: src/internal/jsx-runtime.ts, one re-export of
 * react/jsx-runtime. An app's bundler keeps each import statement of an external module, so one
 * module importing the runtime (instead of every part) makes a smaller bundle.
 */
const JSX_SOURCE = '@backup-kit/react-jsx';

// Library build: one ES module per source file so bundlers tree-shake what an app does not use.
// Tests live in vitest.config.ts, so this file carries only what the build needs.
export default defineConfig({
  plugins: [
    react({ jsxImportSource: JSX_SOURCE }),
    dts({
      tsconfigPath: './tsconfig.build.json',
    }),
    copyStyles(),
  ],
  resolve: {
    conditions: ['@backup-kit/source'],
    alias: {
      [`${JSX_SOURCE}/jsx-runtime`]: fileURLToPath(new URL('src/internal/jsx-runtime.ts', import.meta.url)),
    },
  },
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    rollupOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@backup-kit\/core/, /^@portal-hq\/web/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
    sourcemap: true,
    minify: false,
  },
});
