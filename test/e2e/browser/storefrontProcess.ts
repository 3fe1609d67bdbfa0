import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasExited, stopChild, waitForOutput } from '../../../local/childProcess';
import { findFreePort } from '../../../local/dynamoLocal';
import { localStatePaths, runningStart } from '../../../local/localState';
import type { LocalUserPool } from '../../../local/userPool';
import { leftoversAfter, processTree } from '../local/processes';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from './chromium';

/**
 * `npm run storefront` as a developer runs it (web/storefront.ts, without the npm wrapper so the
 * signal reaches it): its own state folder, so a fresh database and user pool, and free ports.
 */
export interface StorefrontProcess {
  storefrontUrl: string;
  apiUrl: string;
  /** The user pool the storefront signs in with, as the API's runtime file records it. */
  userPool: LocalUserPool;
  /**
   * Stops it with SIGTERM, as a process manager would, and deletes its state folder. Resolves its
   * exit code and any process it had started that is still running (the API, DynamoDB Local's
   * java, Vite's esbuild), as "pid command".
   */
  stop(): Promise<{ exitCode: number | null; leftovers: string[] }>;
  output(): string;
}

const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const URLS = /Storefront: (http:\/\/\S+)[\s\S]*API: +(http:\/\/\S+)/;

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
  const stopAndClean = async () => {
    const exitCode = await stopChild(child, STOP_TIMEOUT_MS);
    rmSync(stateDir, { recursive: true, force: true });
    return exitCode;
  };
  let urls: RegExpExecArray;
  try {
    urls = await waitForOutput(child, URLS, READY_TIMEOUT_MS);
  } catch (error) {
    await stopAndClean();
    throw new Error(`npm run storefront did not start: ${(error as Error).message}`);
  }
  const [, storefrontUrl = '', apiUrl = ''] = urls;
  const userPool = runningStart(localStatePaths({ LOCAL_STATE_DIR: stateDir }).runtimeFile)?.userPool;
  if (!userPool) {
    await stopAndClean();
    throw new Error('npm run storefront started, but its runtime file names no user pool');
  }

  return {
    storefrontUrl,
    apiUrl,
    userPool,
    output: () => output,
    async stop() {
      // Taken while everything runs: afterwards, the processes it started are no one's children.
      const started = hasExited(child)
        ? []
        : processTree(child.pid ?? 0).filter((process) => process.pid !== child.pid);
      const exitCode = await stopAndClean();
      return { exitCode, leftovers: await leftoversAfter(started, STOP_TIMEOUT_MS) };
    },
  };
}

/** A suite's storefront and the Chromium page on it (set once the suite's beforeAll has run). */
export interface StorefrontSession {
  storefront: StorefrontProcess;
  chromium: Chromium;
  page: Page;
}

/** Starts the storefront and Chromium before the suite's tests and stops both after them. */
export function useStorefrontSession(): StorefrontSession {
  const session = {} as StorefrontSession;
  beforeAll(async () => {
    session.storefront = await startStorefront();
    session.chromium = await launchChromium();
    session.page = session.chromium.page;
  }, 120_000);
  afterAll(async () => {
    await session.chromium?.close();
    await session.storefront?.stop();
  });
  return session;
}
