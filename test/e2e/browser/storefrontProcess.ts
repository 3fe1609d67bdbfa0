import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../../local/dynamoLocal';

/**
 * `npm run storefront` as a developer runs it (web/storefront.ts, without the npm wrapper so the
 * signal reaches it): its own state folder, so a fresh database and issuer, and free ports.
 */
export interface StorefrontProcess {
  storefrontUrl: string;
  apiUrl: string;
  /**
   * Stops it with SIGTERM, as a terminal's Ctrl-C would, and deletes its state folder. Resolves
   * its exit code and any process still running on that folder (DynamoDB Local's java, the API).
   */
  stop(): Promise<{ exitCode: number | null; leftovers: string[] }>;
  output(): string;
}

const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 90_000;

export async function startStorefront(): Promise<StorefrontProcess> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'store-storefront-'));
  const [apiPort, storefrontPort] = [await findFreePort(), await findFreePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'web/storefront.ts'], {
    cwd: PROJECT_DIR,
    env: {
      ...process.env,
      LOCAL_STATE_DIR: stateDir,
      PORT: String(apiPort),
      STOREFRONT_PORT: String(storefrontPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [storefrontUrl, apiUrl] = await waitForUrls(child, () => output);

  return {
    storefrontUrl,
    apiUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      const leftovers = processesUsing(stateDir);
      rmSync(stateDir, { recursive: true, force: true });
      return { exitCode: child.exitCode, leftovers };
    },
  };
}

function waitForUrls(child: ChildProcess, output: () => string): Promise<[string, string]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`npm run storefront was not ready in ${READY_TIMEOUT_MS} ms:\n${output()}`));
    }, READY_TIMEOUT_MS);
    child.stdout?.on('data', () => {
      const storefront = /Storefront: (http:\/\/\S+)/.exec(output())?.[1];
      const api = /API: +(http:\/\/\S+)/.exec(output())?.[1];
      if (storefront && api) {
        clearTimeout(timer);
        resolve([storefront, api]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run storefront exited with ${code}:\n${output()}`));
    });
  });
}

function processesUsing(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', dir], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
