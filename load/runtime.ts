import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runToCompletion, stopChild, waitForOutput } from '../local/childProcess';
import { findFreePort } from '../local/dynamoLocal';
import { localStatePaths, runningStart } from '../local/localState';
import { emulatorSigner, signPoolToken } from '../local/poolTokens';
import { STAFF_GROUP } from '../src/auth/tokenVerifier';

const PROJECT_DIR = resolve(__dirname, '..');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * The local runtime exactly as `npm start` runs it (the same bundle, DynamoDB Local, seed and
 * API Gateway stand-in), but in a fresh temporary state folder, on free ports the tool chooses,
 * so every run starts from the seeded catalogue and never touches the developer's `.local/`.
 * Run as `node --import tsx`, as `npm start` execs it, so SIGTERM reaches the process that stops
 * DynamoDB Local (which also stops should this tool be killed: it watches its parent).
 */
export interface Runtime {
  /** Loopback only: the runtime listens on 127.0.0.1 and ::1. */
  url: string;
  dynamoEndpoint: string;
  tokenFor(userId: string, name: string): string;
  /** A staff member's token, as `npm run token -- <id> <name> --admin` signs it. */
  staffTokenFor(userId: string, name: string): string;
  stop(): Promise<void>;
}

export async function buildBundle(): Promise<void> {
  await runToCompletion(process.execPath, ['esbuild.config.mjs'], { cwd: PROJECT_DIR, quiet: true });
}

export async function startRuntime(logFile: string): Promise<Runtime> {
  const stateDir = mkdtempSync(join(tmpdir(), 'store-api-load-'));
  const [port, dynamoPort] = [await findFreePort(), await findFreePort()];
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: PROJECT_DIR,
    env: {
      ...process.env,
      LOCAL_STATE_DIR: stateDir,
      PORT: String(port),
      DYNAMODB_LOCAL_PORT: String(dynamoPort),
      // One JSON line per request at INFO would be tens of thousands of lines; errors still show.
      LOG_LEVEL: 'WARN',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = async () => {
    await stopChild(child, STOP_TIMEOUT_MS);
    rmSync(stateDir, { recursive: true, force: true });
    log.end();
  };
  try {
    await waitForOutput(child, new RegExp(`Ready at http://localhost:${port}/query`), READY_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  // Thousands of shoppers: ID tokens of the runtime's pool, minted as the pool signs them rather
  // than one sign-in each (local/poolTokens.ts).
  const pool = runningStart(localStatePaths({ LOCAL_STATE_DIR: stateDir }).runtimeFile)?.userPool;
  if (!pool) {
    await stop();
    throw new Error('The runtime recorded no user pool');
  }
  const signer = emulatorSigner(pool);
  return {
    url: `http://127.0.0.1:${port}/query`,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    tokenFor: (userId, name) => signPoolToken(signer, { sub: userId, name }),
    staffTokenFor: (userId, name) =>
      signPoolToken(signer, { sub: userId, name, 'cognito:groups': [STAFF_GROUP] }),
    stop,
  };
}
