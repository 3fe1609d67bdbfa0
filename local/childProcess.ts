import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

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
 * SIGKILL only if it has not exited after `timeoutMs`. Resolves with its exit code.
 */
export async function stopChild(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exit = once(child, 'exit') as Promise<[number | null]>;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = await exit;
  clearTimeout(timer);
  return code;
}
