import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild, waitForOutput } from './childProcess';
import { findFreePort } from './dynamoLocal';

/**
 * cognito-local, a Cognito Identity Provider emulator (the `cognito-local` npm package), on a free
 * loopback port: the local runtime's and the tests' user pool. Its users, pools and clients live
 * in `dataDir` (in the git-ignored local folder), so they survive a restart; its tokens name the
 * port in their issuer, so a restart on another port makes earlier tokens invalid, as a new pool's
 * would be.
 */
export interface CognitoLocal {
  /** `http://127.0.0.1:<port>`: the Cognito API, and `<endpoint>/<poolId>` each pool's issuer. */
  endpoint: string;
  pid: number;
  /** Settles when it exits, whoever stopped it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const READY = /Cognito Local running on (http:\/\/127\.0\.0\.1:\d+)/;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const SERVER = join(__dirname, 'cognitoLocalServer.cjs');

export async function startCognitoLocal({
  dataDir,
  port = 0,
  signal,
  ownProcessGroup = false,
}: {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  signal?: AbortSignal;
  /**
   * In a process group of its own, out of reach of a terminal's Ctrl-C, for a caller that stops it
   * itself (the runtime: so it does not exit first, looking like a crash), as DynamoDB Local.
   */
  ownProcessGroup?: boolean;
}): Promise<CognitoLocal> {
  const chosenPort = port === 0 ? await findFreePort() : port;
  mkdirSync(dataDir, { recursive: true });
  signal?.throwIfAborted();
  const child = spawn(process.execPath, [SERVER], {
    cwd: dataDir,
    // Its own variables: the address it listens on, and so the issuer it writes into tokens.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(chosenPort), NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: ownProcessGroup && process.platform !== 'win32',
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, by) => resolve({ code, signal: by })),
  );
  const stop = async () => void (await stopChild(child, STOP_TIMEOUT_MS));
  signal?.addEventListener('abort', () => void stop(), { once: true });
  let endpoint: string;
  try {
    const [, url = ''] = await waitForOutput(child, READY, READY_TIMEOUT_MS);
    endpoint = url;
  } catch (error) {
    await stop();
    throw new Error(`cognito-local did not start: ${(error as Error).message}`);
  }
  // Read and dropped: nothing waits for its request log, which would otherwise fill the pipe.
  child.stdout.resume();
  child.stderr.resume();
  return { endpoint, pid: child.pid ?? 0, exited, stop };
}
