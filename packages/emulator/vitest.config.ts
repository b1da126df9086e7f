import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages (@backup-kit/server, for the mounted key vault) run from their source.
  resolve: { conditions: ['@backup-kit/source'] },
  test: {
    name: 'emulator',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser suites start Chromium once per file and PBKDF2 runs 600,000 rounds per backup.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
