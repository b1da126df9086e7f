import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The kit's styles ship as dist/styles.css; read the source so the playground needs no build first.
const kitStyles = fileURLToPath(new URL('../../packages/react/src/styles.css', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages resolve to their sources, as in the packages' own Vite configs.
    conditions: ['@backup-kit/source', 'module', 'browser', 'development|production'],
    alias: [{ find: /^@backup-kit\/react\/styles\.css$/, replacement: kitStyles }],
  },
  optimizeDeps: {
    // Found only behind the kit's lazy import()s: pre-bundle them up front, or Vite finds them
    // on first use and reloads the page in the middle of a flow.
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@portal-hq/web',
      '@backup-kit/core > @simplewebauthn/browser',
      '@backup-kit/core > tldts',
    ],
  },
  server: { port: 5173, strictPort: true },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
});
