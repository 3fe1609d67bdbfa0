import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runToCompletion } from '../../../local/childProcess';
import { SEED_PRODUCTS } from '../../../local/seedData';

/**
 * The demo seed's pictures are files of the storefront (web/public/images), referenced by
 * `Product.image` as paths from the site's root: a build must carry every one of them.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');

describe('the production build of the storefront', () => {
  test('carries every product picture of the demo seed', async () => {
    // Prepare
    const outDir = mkdtempSync(path.join(tmpdir(), 'store-web-build-'));

    try {
      // Act
      await runToCompletion(
        process.execPath,
        [
          path.join(PROJECT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--config',
          'web/vite.config.ts',
          '--outDir',
          outDir,
          '--emptyOutDir',
        ],
        {
          cwd: PROJECT_DIR,
          quiet: true,
          timeoutMs: 60_000,
          // A build needs the API's and the pool's settings (web/vite.config.ts): this machine's.
          env: {
            ...process.env,
            VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
            VITE_STORE_API_URL: 'http://localhost:4000/query',
            VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229/',
            VITE_COGNITO_CLIENT_ID: 'local-preview',
          },
        },
      );

      // Assess
      const missing = SEED_PRODUCTS.filter(({ image }) => !existsSync(path.join(outDir, image)));
      expect(missing.map(({ id }) => id)).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
