import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The web app lives in web/; `npm start` serves web/dist from the same port as the API.
// The manifest (web/dist/.vite/manifest.json) maps each source module to its chunk and the chunks it
// imports: `npm run bundle-size` and test/unit/web-bundle.test.ts measure the budgets from it.
export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/local-idp': 'http://localhost:3000' } },
});
