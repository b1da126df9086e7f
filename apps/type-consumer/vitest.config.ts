import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'type-consumer', environment: 'node', include: ['test/**/*.test.ts'] },
});
