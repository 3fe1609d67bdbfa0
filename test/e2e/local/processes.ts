import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What the tests of the local runtime check after stopping it: which processes it started are
 * still running, and whether its port is free. Processes that are not our children cannot be
 * awaited, so these poll `ps` with a deadline (and return early as soon as the answer is known).
 */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

/** `root` and all its descendants, as `ps` sees them now (snapshot before stopping anything). */
export function processTree(root: number): ProcessInfo[] {
  const all = listProcesses();
  const tree = all.filter((process) => process.pid === root);
  for (let index = 0; index < tree.length; index += 1) {
    const parent = tree[index]?.pid;
    tree.push(...all.filter((process) => process.ppid === parent && process.pid !== root));
  }
  return tree;
}

/** Those of `processes` still running after `timeoutMs`, as "pid command" (zombies count as gone). */
export async function leftoversAfter(processes: ProcessInfo[], timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = stillRunning(processes);
    if (left.length === 0 || Date.now() >= deadline) {
      return left.map((process) => `${process.pid} ${process.command}`);
    }
    await sleep(100);
  }
}

/** Those of `processes` running now: the same pid with the same command (not a reused pid). */
export function stillRunning(processes: ProcessInfo[]): ProcessInfo[] {
  const running = new Map(listProcesses().map((process) => [process.pid, process]));
  return processes.filter((process) => running.get(process.pid)?.command === process.command);
}

/** Whether `promise` settled within `timeoutMs`: a deadline, so a failure shows what is left. */
export async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([promise.then(() => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether something listens on `port` of 127.0.0.1 after `timeoutMs` (false as soon as it is free). */
export async function portStillTaken(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await canListen(port)) return false;
    if (Date.now() >= deadline) return true;
    await sleep(100);
  }
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer();
  server.listen({ port, host: '127.0.0.1', exclusive: true });
  const [event] = await Promise.race([
    once(server, 'listening').then(() => ['listening']),
    once(server, 'error'),
  ]);
  if (event !== 'listening') return false;
  server.close();
  await once(server, 'close');
  return true;
}

function listProcesses(): ProcessInfo[] {
  const output = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return output.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match?.[4] || match[3]?.startsWith('Z')) return [];
    return [{ pid: Number(match[1]), ppid: Number(match[2]), command: match[4] }];
  });
}
