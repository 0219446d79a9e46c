import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The SPA is served by the Onland server under /app/ (src/server/web.ts): index.html for every
// route, hashed files from /app/assets/. Under `vite` (dev server) the API goes to a server on port 3000.
export default defineConfig({
  root: here('./src/web'),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline assets: the CSP allows images from 'self' and data:, but keep every file a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and the line that makes it jitless travel together: a chunk shared by lazy pages may hold
          // contracts, and their schemas must be built after z.config({ jitless: true }) (the CSP forbids eval).
          groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]web[\\/]lib[\\/]zod-setup\.ts$/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
    },
  },
});
