import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The storefront is static files: the dev server (`npm run storefront`) and `vite build` serve the
 * same pages, and sign-in goes from the browser straight to the user pool (src/cognito.ts), so
 * neither has a route of its own. Settings come from VITE_* variables (src/vite-env.d.ts).
 */
export default defineConfig(({ command }) => {
  // The demo accounts and their passwords belong to the local pool: a build carrying them would
  // offer them on a stage's sign-in page, so a build refuses to run with them set.
  if (command === 'build' && process.env.VITE_DEMO_USERS) {
    throw new Error(
      'VITE_DEMO_USERS lists the local demo accounts, for npm run storefront only: unset it to build.',
    );
  }
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    // Served from the site's root and copied as is into the build: the demo products' pictures
    // (local/seedData.ts) are `/images/<id>.svg`.
    publicDir: 'public',
    server: { port: 5173, strictPort: false },
    build: { outDir: 'dist', emptyOutDir: true },
  };
});
