import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The page participants' phones open from the room's QR code: the laptop serves it at
 * `/j/<token>/` from dist/participant, so every URL stays relative. It has no canvas and no
 * database, only the room's protocol, so it loads fast on venue Wi-Fi.
 */
export default defineConfig({
  root: 'renderer/participant',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/participant', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    assetsInlineLimit: 0,
  },
});
