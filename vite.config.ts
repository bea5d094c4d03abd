import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server alone needs hot reload's socket, React refresh's inline preamble and inline
 * styles (it injects each stylesheet as a <style> element so it can hot-swap it).
 */
const devCsp = (): Plugin => ({
  name: 'journeywall-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:5173")
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
});

// The renderer is served from the packaged files (app:// in Electron), so every URL stays relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), devCsp()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2023',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
