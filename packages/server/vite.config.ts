/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// Everything the package depends on stays an import: a Node server needs no bundling of its
// dependencies, and PGlite must find its own WASM files next to its own modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  /^hono(\/|$)/,
  /^@hono\//,
  /^drizzle-orm(\/|$)/,
  /^@electric-sql\//,
  /^pg$/,
  /^zod(\/|$)/,
  /^@simplewebauthn\//,
  /^@aws-sdk\//,
  /^@backup-kit\//,
];

export default defineConfig({
  plugins: [dts({ include: ['src'], tsconfigPath: './tsconfig.json' })],
  resolve: { conditions: ['@backup-kit/source'] },
  build: {
    target: 'node20',
    lib: { entry: { index: 'src/index.ts', bin: 'src/bin.ts' }, formats: ['es'] },
    rollupOptions: {
      external,
      // One module per source file: src/db/ and dist/db/ sit at the same depth, which the
      // migrations folder lookup relies on.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
    sourcemap: true,
    minify: false,
  },
  test: {
    name: 'server',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
