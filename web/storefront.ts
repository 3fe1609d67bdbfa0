import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type ViteDevServer } from 'vite';
import { hasExited, runToCompletion, stopChild, waitForOutput, watchParent } from '../local/childProcess';
import { DEMO_USERS } from '../local/demoUsers';
import { localStatePaths, runningStart } from '../local/localState';

/**
 * `npm run storefront`: the API exactly as `npm start` runs it (the same build, then
 * local/start.ts in a child process: DynamoDB Local, tables, seed, the local user pool and its
 * demo users, the bundled handler behind the API Gateway stand-in), then the storefront (web/) on
 * Vite's dev server, set to sign in with that pool and to list its demo accounts. Prints both URLs;
 * SIGINT/SIGTERM/SIGHUP, or this process's parent exiting, stop both, DynamoDB Local and
 * cognito-local included (and the API stops itself should this process be killed).
 *
 * PORT: the API's port (default 4000). STOREFRONT_PORT: the storefront's (default 5173, or the
 * next free one). LOCAL_STATE_DIR: the API's state folder, whose runtime file says where its pool
 * answers.
 */
const API_READY = /Ready at (http:\/\/localhost:\d+\/query)/;
const API_READY_TIMEOUT_MS = 120_000;
const API_STOP_TIMEOUT_MS = 15_000;
const log = (line: string) => console.log(`[storefront] ${line}`);
const running: { api?: ChildProcess; vite?: ViteDevServer } = {};
let stopping = false;

async function main(): Promise<void> {
  await runToCompletion(process.execPath, ['esbuild.config.mjs']);
  const apiUrl = await startApi();
  // Vite warns that a future major will load configs natively, which a CommonJS project's
  // TypeScript config cannot be; the bundling loader used today handles it.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const pool = localUserPool();
  // Vite exposes VITE_* variables of its environment to the page as import.meta.env
  // (web/src/vite-env.d.ts). The demo accounts' passwords are no secret: the pool is this machine's.
  Object.assign(process.env, {
    VITE_STORE_API_URL: apiUrl,
    VITE_COGNITO_ENDPOINT: pool.endpoint,
    VITE_COGNITO_CLIENT_ID: pool.clientId,
    VITE_DEMO_USERS: JSON.stringify(DEMO_USERS),
  });
  running.vite = await createServer({
    configFile: 'web/vite.config.ts',
    clearScreen: false,
    server: { port: Number(process.env.STOREFRONT_PORT ?? 5173) },
  });
  await running.vite.listen();
  const storefrontUrl = running.vite.resolvedUrls?.local[0] ?? '(no local URL)';
  log(`Storefront: ${storefrontUrl}`);
  log(`API:        ${apiUrl}`);
  log(`User pool:  ${pool.endpoint} (app client ${pool.clientId})`);
  log('Open the storefront, sign in as a demo shopper and shop. Ctrl-C stops both.');
}

/** local/start.ts as `npm start` runs it (node itself, no npm or tsx wrapper, so signals reach it). */
async function startApi(): Promise<string> {
  const api = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.api = api;
  api.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  api.once('exit', (code, signal) => {
    if (!stopping) void shutdown(1, `the API exited (${signal ?? `code ${code}`}); stopping the storefront.`);
  });
  const [, url = ''] = await waitForOutput(api, API_READY, API_READY_TIMEOUT_MS);
  return url;
}

/** The user pool the API verifies tokens of, as its runtime file records it once the pool is up. */
function localUserPool(): { endpoint: string; clientId: string } {
  const { runtimeFile } = localStatePaths();
  const pool = runningStart(runtimeFile)?.userPool;
  if (!pool) throw new Error(`${runtimeFile} names no running user pool`);
  return pool;
}

async function stop(): Promise<void> {
  await running.vite?.close();
  // Ctrl-C already sent SIGINT to the API too (same process group); it ignores a second signal.
  if (running.api) await stopChild(running.api, API_STOP_TIMEOUT_MS);
}

async function shutdown(code: number, reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(reason);
  await stop().catch((error: unknown) => console.error(error));
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, `${signal}: stopping the storefront and the API…`));
}
watchParent(
  (parent) => void shutdown(0, `the process that started this one (pid ${parent}) exited: stopping…`),
);
// With the terminal gone (SIGHUP), a log line must not crash the way out.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
// Should this process die any other way, the API still stops (and stops DynamoDB Local).
process.once('exit', () => {
  if (running.api && !hasExited(running.api)) running.api.kill('SIGTERM');
});

main().catch((error: unknown) => {
  void shutdown(1, `Could not start: ${error instanceof Error ? error.message : String(error)}`);
});
