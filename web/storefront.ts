import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type ViteDevServer } from 'vite';

/**
 * `npm run storefront`: the API exactly as `npm start` runs it (the same build, then
 * local/start.ts in a child process: DynamoDB Local, tables, seed, the bundled handler behind
 * the API Gateway stand-in), then the storefront (web/) on Vite's dev server, which also serves
 * the local sign-in. Prints both URLs; SIGINT/SIGTERM stop both, DynamoDB Local included.
 *
 * PORT: the API's port (default 4000). STOREFRONT_PORT: the storefront's (default 5173, or the
 * next free one). LOCAL_STATE_DIR: shared by both, so sign-in signs with the API's issuer keys.
 */
const API_READY = /Ready at (http:\/\/localhost:\d+\/query)/;
const log = (line: string) => console.log(`[storefront] ${line}`);
const running: { api?: ChildProcess; vite?: ViteDevServer } = {};
let stopping = false;

async function main(): Promise<void> {
  await run(process.execPath, ['esbuild.config.mjs']);
  const apiUrl = await startApi();
  // Vite warns that a future major will load configs natively, which a CommonJS project's
  // TypeScript config cannot be; the bundling loader used today handles it.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  // Vite exposes VITE_* variables of its environment to the page as import.meta.env.
  process.env.VITE_STORE_API_URL = apiUrl;
  running.vite = await createServer({
    configFile: 'web/vite.config.ts',
    clearScreen: false,
    server: { port: Number(process.env.STOREFRONT_PORT ?? 5173) },
  });
  await running.vite.listen();
  const storefrontUrl = running.vite.resolvedUrls?.local[0] ?? '(no local URL)';
  log(`Storefront: ${storefrontUrl}`);
  log(`API:        ${apiUrl}`);
  log('Open the storefront, sign in as a demo shopper and shop. Ctrl-C stops both.');
}

/** local/start.ts as `npm start` runs it (without the npm and tsx wrappers, so signals reach it). */
function startApi(): Promise<string> {
  const api = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.api = api;
  return new Promise((resolve, reject) => {
    let output = '';
    api.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
      const ready = API_READY.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    });
    api.once('exit', (code, signal) => {
      const reason = `the API exited (${signal ?? `code ${code}`})`;
      reject(new Error(reason));
      if (!stopping) void shutdown(1, `${reason}; stopping the storefront.`);
    });
  });
}

function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

async function stop(): Promise<void> {
  await running.vite?.close();
  const api = running.api;
  if (api && api.exitCode === null && api.signalCode === null) {
    const exited = once(api, 'exit');
    // Ctrl-C already sent SIGINT to the API too (same process group); it ignores a second signal.
    api.kill('SIGTERM');
    await exited;
  }
}

async function shutdown(code: number, reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(reason);
  await stop().catch((error: unknown) => console.error(error));
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shutdown(0, `${signal}: stopping the storefront and the API…`));
}
// Should this process die any other way, the API still stops (and stops DynamoDB Local).
process.once('exit', () => running.api?.kill('SIGTERM'));

main().catch((error: unknown) => {
  void shutdown(1, `Could not start: ${error instanceof Error ? error.message : String(error)}`);
});
