import { spawn, type ChildProcess } from 'node:child_process';
import type { WarmCommand, WarmJob, WarmReport } from './inProcess';
import { SIDES, type Side } from './sides';
import { mean, median } from './stats';

/**
 * Warm per-request time: each side (ours, the lower bound, the peers) runs in its own long-lived
 * process (bench/.out/inProcess.js), answers the home page from the in-memory fixture through the
 * SDK's whole middleware stack, and times blocks of invocations when asked. The parent runs one
 * block of each side per round, the order rotated every round, so drift (GC, other jobs, CPU
 * frequency) falls on all alike, while no process pays for another's runtime state. Every side
 * must answer exactly what ours does.
 */
export interface WarmOptions {
  harness: string;
  env: NodeJS.ProcessEnv;
  job: WarmJob;
  /** Invocations per side that are timed. */
  iterations: number;
  blockSize: number;
  /** Untimed invocations per side first, so both are compiled and their caches filled. */
  warmup: number;
  /** Extra node flags for both sides (e.g. --cpu-prof). */
  execArgv?: string[];
}

export interface WarmMeasurement {
  /** Median block: microseconds per request. */
  medianUs: Record<Side, number>;
  meanUs: Record<Side, number>;
  iterations: number;
  callsPerRequest: Record<Side, Record<string, number>>;
}

export async function measureWarm(
  options: WarmOptions,
  track: (child: ChildProcess) => void,
): Promise<WarmMeasurement> {
  const children = SIDES.map((side) => {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.harness, 'warm', side], {
      env: { ...options.env, BENCH_JOB: JSON.stringify(options.job) },
      // stdout carries the handler's log lines: read and dropped, as CloudWatch would take them.
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.stdout?.resume();
    track(child);
    return { side, child, next: reports(child) };
  });
  try {
    const ready = await Promise.all(children.map(({ next }) => next()));
    const answers = ready.map((report, index) => {
      if (!('ready' in report)) throw new Error(`The warm side ${SIDES[index]} did not start`);
      if (report.data !== (ready[0] as { data: string }).data) {
        throw new Error(`The warm side ${SIDES[index]} answers differently from ours`);
      }
      return report;
    });

    const runBlock = async (index: number, block: number) => {
      const entry = children[index];
      if (!entry) throw new Error('No such side');
      entry.child.send({ block } satisfies WarmCommand);
      const report = await entry.next();
      if (!('microsecondsPerRequest' in report)) throw new Error(`${entry.side} sent an unexpected report`);
      return report.microsecondsPerRequest;
    };
    for (let index = 0; index < children.length; index += 1) await runBlock(index, options.warmup);
    const blocks: number[][] = children.map(() => []);
    const rounds = Math.ceil(options.iterations / options.blockSize);
    for (let round = 0; round < rounds; round += 1) {
      for (let slot = 0; slot < children.length; slot += 1) {
        const index = (round + slot) % children.length;
        blocks[index]?.push(await runBlock(index, options.blockSize));
      }
    }
    const bySide = (statistic: (values: number[]) => number) =>
      Object.fromEntries(SIDES.map((side, index) => [side, statistic(blocks[index] ?? [])])) as Record<
        Side,
        number
      >;
    return {
      medianUs: bySide(median),
      meanUs: bySide(mean),
      iterations: rounds * options.blockSize,
      callsPerRequest: Object.fromEntries(
        SIDES.map((side, index) => [side, answers[index]?.calls ?? {}]),
      ) as Record<Side, Record<string, number>>,
    };
  } finally {
    for (const { child } of children) if (child.connected) child.send({ stop: true } satisfies WarmCommand);
  }
}

/** The child's IPC messages, one per call, in order; a child that dies fails the pending call. */
function reports(child: ChildProcess): () => Promise<WarmReport> {
  const queue: WarmReport[] = [];
  const waiting: Array<{ resolve(report: WarmReport): void; reject(error: Error): void }> = [];
  child.on('message', (message: WarmReport) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queue.push(message);
  });
  const fail = (error: Error) => {
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  };
  child.once('exit', (code) => fail(new Error(`A warm side exited with ${code}`)));
  // A failed spawn, or a send to a side that has just died (EPIPE): the pending call fails.
  child.on('error', fail);
  return () => {
    const queued = queue.shift();
    if (queued) return Promise.resolve(queued);
    if (child.exitCode !== null)
      return Promise.reject(new Error(`A warm side exited with ${child.exitCode}`));
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}
