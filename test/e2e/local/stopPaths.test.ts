import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForOutput } from '../../../local/childProcess';
import { findFreePort } from '../../../local/dynamoLocal';
import {
  leftoversAfter,
  portStillTaken,
  processTree,
  settlesWithin,
  stillRunning,
  type ProcessInfo,
} from './processes';

/**
 * `npm start` itself (npm, the build, then local/start.ts and DynamoDB Local's java), stopped each
 * way a terminal, an IDE's stop button or a process manager stops it. Every way stops everything
 * it started and frees its port. One state folder for all, so only the first run seeds.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const READY = /Ready at http:\/\/localhost:\d+\/query/;
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

interface Pids {
  npm: number;
  node: number;
  java: number;
}

const WAYS: Array<[string, (pids: Pids) => void, RegExp | null]> = [
  ['Ctrl-C: SIGINT to its process group', ({ npm }) => process.kill(-npm, 'SIGINT'), /SIGINT: stopping/],
  ['SIGTERM to npm', ({ npm }) => process.kill(npm, 'SIGTERM'), /SIGTERM: stopping/],
  ['SIGINT to npm', ({ npm }) => process.kill(npm, 'SIGINT'), /SIGINT: stopping/],
  [
    'SIGHUP to its process group (the terminal closed)',
    ({ npm }) => process.kill(-npm, 'SIGHUP'),
    /(SIGHUP|pid \d+\) exited): stopping/,
  ],
  ['SIGTERM to the node process', ({ node }) => process.kill(node, 'SIGTERM'), /SIGTERM: stopping/],
  ['SIGINT to the node process', ({ node }) => process.kill(node, 'SIGINT'), /SIGINT: stopping/],
  [
    'SIGKILL of npm, the parent of the node process',
    ({ npm }) => process.kill(npm, 'SIGKILL'),
    /The process that started this one \(pid \d+\) exited: stopping/,
  ],
  // Nothing in node can run: DynamoDB Local's launcher sees its stdin close and exits.
  ['SIGKILL of the node process, the parent of java', ({ node }) => process.kill(node, 'SIGKILL'), null],
  [
    'SIGTERM to DynamoDB Local’s java',
    ({ java }) => process.kill(java, 'SIGTERM'),
    /DynamoDB Local exited \(code 143\) under the API: stopping/,
  ],
  [
    'SIGINT to DynamoDB Local’s java',
    ({ java }) => process.kill(java, 'SIGINT'),
    /DynamoDB Local exited \(code 130\) under the API: stopping/,
  ],
];

describe('npm start, however it is stopped', () => {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'store-api-stop-'));
  let started: ProcessInfo[] = [];

  afterEach(() => {
    // Only after a failed test is anything left: kill it, by pid, so the next run starts clean
    // (and drop the runtime file, whose pid may be a zombie not yet reaped).
    const left = stillRunning(started);
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone in the meantime.
      }
    }
    if (left.length > 0) rmSync(path.join(stateDir, 'runtime.json'), { force: true });
    started = [];
  });

  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  test.each(WAYS)(
    'stops node and DynamoDB Local and frees the port on %s',
    async (_way, stop, said) => {
      // Prepare
      const port = await findFreePort();
      const npm = spawn('npm', ['start'], {
        cwd: PROJECT_DIR,
        env: { ...process.env, PORT: String(port), LOCAL_STATE_DIR: stateDir },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, as a terminal gives a job: what Ctrl-C and SIGHUP are sent to.
        detached: true,
      });
      const output = collect(npm);
      const closed = once(npm, 'close');
      await waitForOutput(npm, READY, READY_TIMEOUT_MS);
      started = processTree(npm.pid ?? 0);
      const pids = {
        npm: npm.pid ?? 0,
        node: pidOf(started, /^node .*local\/start\.ts/),
        java: pidOf(started, /^java .*DynamoDBLocal/),
      };

      // Act
      stop(pids);
      // npm's pipes close once npm and the node process (which shares them) have both exited.
      const allExited = await settlesWithin(closed, STOP_TIMEOUT_MS);
      const leftovers = await leftoversAfter(started, STOP_TIMEOUT_MS);

      // Assess
      expect(leftovers).toEqual([]);
      expect(allExited).toBe(true);
      expect(await portStillTaken(port, STOP_TIMEOUT_MS)).toBe(false);
      if (said) expect(output()).toMatch(said);
    },
    READY_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS,
  );
});

function pidOf(processes: ProcessInfo[], command: RegExp): number {
  const found = processes.find((process) => command.test(process.command));
  if (!found) throw new Error(`No ${command} among:\n${processes.map((p) => p.command).join('\n')}`);
  return found.pid;
}

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}
