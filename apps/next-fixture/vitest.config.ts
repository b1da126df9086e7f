import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'next-fixture', environment: 'jsdom', include: ['test/**/*.test.ts'] },
});
