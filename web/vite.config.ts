import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { localStatePaths } from '../local/localState';
import { createLocalSignInMiddleware } from './localSignIn';
import { SIGN_IN_PATH } from './src/localAuth';

/**
 * Mounts the local sign-in on the dev server. `apply: 'serve'` and `configureServer` both mean
 * "dev server only": a `vite build` has neither the plugin nor any server to run it.
 */
function localSignIn(): Plugin {
  return {
    name: 'store-local-sign-in',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(SIGN_IN_PATH, createLocalSignInMiddleware(localStatePaths().issuerKeys));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [localSignIn()],
  // Served from the site's root and copied as is into the build: the demo products' pictures
  // (local/seedData.ts) are `/images/<id>.svg`.
  publicDir: 'public',
  server: { port: 5173, strictPort: false },
  build: { outDir: 'dist', emptyOutDir: true },
});
