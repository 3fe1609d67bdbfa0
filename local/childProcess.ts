import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

/**
 * The one helper for the child processes of the local runtime, the storefront, the load tool and
 * the tests: wait for a ready line, run a step to completion, stop a child (and what it started),
 * and notice that the process that started us is gone.
 */

/**
 * Resolves with the first match of `pattern` in what the child writes to stdout and stderr
 * (accumulated, so a line split across chunks still matches); rejects, with the output so far,
 * if the child exits first or `timeoutMs` passes.
 */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) finish(() => resolve(match));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() => reject(new Error(`exited (${signal ?? `code ${code}`}) before ${pattern}:\n${output}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * SIGTERM, so the child stops what it started itself (the local runtime stops DynamoDB Local);
 * SIGKILL only if it has not exited after `timeoutMs`, to its whole process group if it leads one
 * (spawned `detached`), so nothing it started outlives it. Resolves with its exit code.
 */
export async function stopChild(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (hasExited(child)) return child.exitCode;
  const exit = once(child, 'exit') as Promise<[number | null]>;
  child.kill('SIGTERM');
  const timer = setTimeout(() => killHard(child), timeoutMs);
  const [code] = await exit;
  clearTimeout(timer);
  return code;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function killHard(child: ChildProcess): void {
  const { pid } = child;
  if (pid !== undefined && process.platform !== 'win32') {
    try {
      process.kill(-pid, 'SIGKILL');
      return;
    } catch {
      // Not a group leader (not spawned detached): the child alone.
    }
  }
  child.kill('SIGKILL');
}

/**
 * Runs a step such as the bundle build to completion, its output passed through (or captured and
 * put in the error when `quiet`); rejects if it fails or outlives `timeoutMs`.
 */
export function runToCompletion(
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean; timeoutMs?: number } = {},
): Promise<void> {
  const { quiet = false, timeoutMs, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: quiet ? 'pipe' : 'inherit' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill(), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output}`));
    });
  });
}

/**
 * Calls `onGone` once the process that started this one has exited: its parent pid changes when
 * the orphan is handed to init (or a subreaper). Catches what no signal announces: the parent
 * killed with SIGKILL, or crashing. Polls `process.ppid` (live, not cached) on an unref'd timer,
 * so it never keeps the process alive. Returns a function that stops watching.
 */
export function watchParent(onGone: (formerParent: number) => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  // Started by init itself (e.g. a container's entry point): there is no change to notice.
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone(parent);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
