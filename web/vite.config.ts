import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The storefront is static files: the dev server (`npm run storefront`) and `vite build` serve the
 * same pages, and sign-in goes from the browser straight to the user pool (src/cognito.ts), so
 * neither has a route of its own. Settings come from VITE_* variables (src/vite-env.d.ts).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Served from the site's root and copied as is into the build: the demo products' pictures
  // (local/seedData.ts) are `/images/<id>.svg`.
  publicDir: 'public',
  server: { port: 5173, strictPort: false },
  build: { outDir: 'dist', emptyOutDir: true },
  plugins: [stageSettings()],
});

/** The settings a build cannot do without: where the API and the user pool answer. */
const REQUIRED = ['VITE_STORE_API_URL', 'VITE_COGNITO_ENDPOINT', 'VITE_COGNITO_CLIENT_ID'] as const;
/** The settings that are addresses the page calls, so TLS-only but for this machine's. */
const URLS = ['VITE_STORE_API_URL', 'VITE_COGNITO_ENDPOINT'] as const;
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Checks a build's settings as Vite resolved them: the environment's VITE_* variables and those of
 * the env files it reads (`.env`, `.env.local`, `.env.<mode>`, `.env.<mode>.local` in the env
 * folder, web/), which is what the page gets as import.meta.env. Refuses to build:
 *
 * - with VITE_DEMO_USERS: the local pool's demo accounts and their passwords would be offered on a
 *   stage's sign-in page;
 * - without the API's and the user pool's settings, which would leave a page that calls `npm
 *   start`'s address and cannot sign in;
 * - with an address that is not https (http only for this machine, to preview a build locally):
 *   the password and the tokens travel to those two.
 */
function stageSettings(): Plugin {
  return {
    name: 'store:stage-settings',
    apply: 'build',
    configResolved({ env }) {
      const problems = buildProblems(env);
      if (problems.length > 0) {
        throw new Error(
          `The storefront cannot be built with these settings (docs/storefront.md, Settings and builds):\n- ${problems.join('\n- ')}`,
        );
      }
    },
  };
}

function buildProblems(env: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  if (env.VITE_DEMO_USERS) {
    problems.push(
      'VITE_DEMO_USERS lists the local demo accounts, for npm run storefront only: unset it (in the ' +
        'environment and in web/.env*) to build.',
    );
  }
  for (const name of REQUIRED) {
    const value = env[name];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${name} is not set: set it to the stage's value (stack outputs) to build.`);
    }
  }
  for (const name of URLS) {
    const value = env[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const problem = insecureUrl(value.trim());
    if (problem) problems.push(`${name} ${problem}`);
  }
  return problems;
}

/** Why `value` is no address a stage's page may call, or undefined when it is one. */
function insecureUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not an absolute URL: ${value}`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.includes(url.hostname)) return undefined;
  return `must be an https:// address (http:// only for localhost, 127.0.0.1 or [::1]), not ${url.protocol}//${url.host}`;
}
