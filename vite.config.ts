import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The web app lives in web/; `npm start` serves web/dist from the same port as the API.
export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000', '/local-idp': 'http://localhost:3000' } },
});
