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
 * An app's bundler keeps every import statement of an external module, one per part of ours. So
 * the built parts import React and its JSX runtime through one module each (src/internal/react.ts
 * and jsx-runtime.ts), and an app's bundle carries one import of each. Only the build does this:
 * the sources import from 'react' as usual, which the hooks lint needs.
 */
const JSX_SOURCE = '@backup-kit/react-jsx';
const REACT_RE_EXPORT = fileURLToPath(new URL('src/internal/react.ts', import.meta.url));

function oneReactImport(): Plugin {
  return {
    name: 'backup-kit:one-react-import',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'react' && importer && importer !== REACT_RE_EXPORT ? REACT_RE_EXPORT : null;
    },
  };
}

// Library build: one ES module per source file so bundlers tree-shake what an app does not use.
// Tests live in vitest.config.ts, so this file carries only what the build needs.
export default defineConfig({
  plugins: [
    react({ jsxImportSource: JSX_SOURCE }),
    oneReactImport(),
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
    lib: {
      entry: { index: 'src/index.ts', 'wallet-gate': 'src/wallet-gate.ts', export: 'src/export.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      // 'react' itself stays external only from the re-export module (see oneReactImport).
      external: (source, importer) =>
        source === 'react'
          ? importer === REACT_RE_EXPORT
          : /^react\/|^react-dom($|\/)|^@backup-kit\/core|^@portal-hq\/web/.test(source),
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
