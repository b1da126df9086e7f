import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// `pnpm --filter @backup-kit/e2e screenshots`: writes docs/screenshots/*.png.
export default defineConfig({
  ...base,
  test: { ...base.test, name: 'screenshots', include: ['screenshots/**/*.test.ts'] },
});
