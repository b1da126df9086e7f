/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// Library build: one ES module per source file so consumers tree-shake what they do not use,
// and the dynamic imports (@portal-hq/web, tldts, @simplewebauthn/browser) stay lazy chunks.
export default defineConfig({
  plugins: [
    dts({
      include: ['src'],
      exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'src/internal/chunk-under-test.ts'],
      tsconfigPath: './tsconfig.json',
    }),
  ],
  resolve: { conditions: ['@backup-kit/source'] },
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        'testing/index': 'src/testing/index.ts',
        wire: 'src/wire.ts',
        passkey: 'src/passkey.ts',
        portal: 'src/portal.ts',
        'wallet-gate': 'src/wallet-gate.ts',
        export: 'src/export.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^@portal-hq\/web/, /^tldts/, /^@simplewebauthn\//],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
    sourcemap: true,
    minify: false,
  },
  test: {
    name: 'core',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
