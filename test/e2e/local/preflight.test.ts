import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stopChild, waitForOutput } from '../../../local/childProcess';
import { findFreePort } from '../../../local/dynamoLocal';

/**
 * What local/start.ts checks before it starts anything, and says when a check fails: the port,
 * and Java (simulated by a `java` script on PATH that records how it was called, so the tests can
 * show DynamoDB Local was never started).
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const REAL_JAVA = execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim();
const INSTALL_HINT =
  'install OpenJDK 17 or later (e.g. `sudo apt-get install openjdk-17-jre-headless`, ' +
  '`brew install openjdk@17`) and put its `java` first on PATH, then try again.';

let workDir: string;
let javaCalls: string;
const servers: Server[] = [];

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'store-api-preflight-'));
  javaCalls = path.join(workDir, 'java-calls.log');
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.close();
    await once(server, 'close');
  }
  rmSync(workDir, { recursive: true, force: true });
});

/** A folder for PATH holding `java`: the script's body after it logs its arguments, or none. */
function fakeJava(body: string | null): string {
  const dir = path.join(workDir, 'bin');
  execFileSync('mkdir', ['-p', dir]);
  if (body !== null) {
    const script = path.join(dir, 'java');
    writeFileSync(script, `#!/bin/sh\necho "$*" >> '${javaCalls}'\n${body}\n`);
    chmodSync(script, 0o755);
  }
  return dir;
}

/** local/start.ts run to its end, as `npm start` runs it after the build. */
async function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: PROJECT_DIR,
    env: { ...process.env, LOCAL_STATE_DIR: path.join(workDir, 'state'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, output };
}

async function occupy(port: number, host: string): Promise<void> {
  const server = createServer();
  server.listen(port, host);
  await once(server, 'listening');
  servers.push(server);
}

function javaWasCalledWith(): string[] {
  return existsSync(javaCalls) ? readFileSync(javaCalls, 'utf8').trim().split('\n') : [];
}

describe('npm start’s checks before it starts anything', () => {
  test('a taken PORT: says what to do, and neither Java nor DynamoDB Local was run', async () => {
    // Prepare
    const port = await findFreePort();
    await occupy(port, '127.0.0.1');

    // Act
    const { code, output } = await runStart({
      PORT: String(port),
      PATH: `${fakeJava(`exec '${REAL_JAVA}' "$@"`)}:${process.env.PATH}`,
    });

    // Assess
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `[store-api] Port ${port} (PORT=${port}) is already in use on 127.0.0.1: stop the program ` +
        `that listens there, or choose another port, e.g. PORT=${port + 1} npm start.`,
    );
    expect(javaWasCalledWith()).toEqual([]);
  });

  test('a PORT taken on ::1 only counts as taken too', async () => {
    // Prepare
    const port = await findFreePort();
    try {
      await occupy(port, '::1');
    } catch {
      return; // No IPv6 loopback on this machine: the runtime does not listen there either.
    }

    // Act
    const { code, output } = await runStart({ PORT: String(port) });

    // Assess
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} (PORT=${port}) is already in use on ::1:`);
  });

  test('a taken DYNAMODB_LOCAL_PORT: says what to do before DynamoDB Local is run', async () => {
    // Prepare
    const [port, dynamoPort] = [await findFreePort(), await findFreePort()];
    await occupy(dynamoPort, '127.0.0.1');

    // Act
    const { code, output } = await runStart({
      PORT: String(port),
      DYNAMODB_LOCAL_PORT: String(dynamoPort),
      PATH: `${fakeJava(`exec '${REAL_JAVA}' "$@"`)}:${process.env.PATH}`,
    });

    // Assess
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `[store-api] Port ${dynamoPort} (DYNAMODB_LOCAL_PORT=${dynamoPort}) is already in use on ` +
        '127.0.0.1: stop the program that listens there, or unset DYNAMODB_LOCAL_PORT so that ' +
        'npm start picks a free port.',
    );
    expect(javaWasCalledWith()).toEqual([]);
  });

  test('a PORT that is no port: says what to set', async () => {
    // Act
    const { code, output } = await runStart({ PORT: 'http://localhost:4000' });

    // Assess
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      '[store-api] PORT=http://localhost:4000 is not a port: set it to a whole number from 1 to 65535, ' +
        'or unset it (default 4000).',
    );
  });

  test('no Java on PATH: says how to install it', async () => {
    // Act: a PATH with no java at all (node is run by its full path).
    const { code, output } = await runStart({ PORT: String(await findFreePort()), PATH: fakeJava(null) });

    // Assess
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      '[store-api] DynamoDB Local needs Java 17 or later and there is no `java` on PATH: ' + INSTALL_HINT,
    );
  });

  test.each([
    ['openjdk version "11.0.21" 2023-10-17', '11.0.21'],
    ['java version "1.8.0_292"', '1.8.0_292'],
  ])(
    'a Java older than 17 (%s): names its version, says how to install a newer one, runs nothing',
    async (said, version) => {
      // Prepare
      const java = fakeJava(`echo '${said}' >&2`);

      // Act
      const { code, output } = await runStart({
        PORT: String(await findFreePort()),
        PATH: `${java}:${process.env.PATH}`,
      });

      // Assess
      expect(code).toBe(1);
      expect(output.trim()).toBe(
        `[store-api] DynamoDB Local needs Java 17 or later and the \`java\` on PATH is version ${version}: ` +
          INSTALL_HINT,
      );
      expect(javaWasCalledWith()).toEqual(['-version']);
    },
  );

  test('a Java that cannot run source files: says DynamoDB Local is on the network, CORS off', async () => {
    // Prepare: the real java, except that it lists no jdk.compiler module (a trimmed JRE).
    const java = fakeJava(
      `if [ "$1" = "--list-modules" ]; then '${REAL_JAVA}' --list-modules | grep -v '^jdk.compiler@'; ` +
        `exit 0; fi\nexec '${REAL_JAVA}' "$@"`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
      cwd: PROJECT_DIR,
      env: {
        ...process.env,
        LOCAL_STATE_DIR: path.join(workDir, 'state'),
        PORT: String(await findFreePort()),
        PATH: `${java}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));

    // Act
    await waitForOutput(child, /Ready at/, 90_000).catch(async (error: Error) => {
      await stopChild(child, 15_000);
      throw error;
    });
    const code = await stopChild(child, 15_000);

    // Assess: the binding and CORS themselves are checked in dynamoLocal.test.ts.
    expect(code).toBe(0);
    expect(output).toMatch(
      /\[store-api\] Warning: DynamoDB Local \(http:\/\/127\.0\.0\.1:\d+\) also answers other machines on your network, because this Java \([\w.+-]+\) cannot run local\/LoopbackDynamoDBLocal\.java \(it has no jdk\.compiler module\): install an OpenJDK 17\+ JDK, not a trimmed runtime, to keep it on 127\.0\.0\.1; its CORS is off, so web pages cannot reach it\.\n/,
    );
    expect(javaWasCalledWith().some((call) => call.includes('-jar'))).toBe(true);
  }, 120_000);
});
