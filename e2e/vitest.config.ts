import { defineConfig } from 'vitest/config';

// Two cores, shared with other people's runs: one file at a time, one Chromium per file, a
// fresh browser context (so a fresh user) per test.
export default defineConfig({
  resolve: { conditions: ['@backup-kit/source'] },
  ssr: { resolve: { conditions: ['@backup-kit/source'] } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    // PBKDF2 runs 600,000 rounds per password backup and recovery in the emulator's iframe.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
