import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages resolve to their sources, as in the packages' own Vite configs.
    conditions: ['@backup-kit/source', 'module', 'browser', 'development|production'],
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
      // The playground's strength check, behind its own import().
      '@zxcvbn-ts/core',
      '@zxcvbn-ts/language-common',
      '@zxcvbn-ts/language-en',
    ],
  },
  server: { port: 5173, strictPort: true },
  // zxcvbn's dictionaries are one 1.7 MB chunk, loaded only when the password form is used.
  build: { sourcemap: true, chunkSizeWarningLimit: 1800 },
});
