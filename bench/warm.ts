import { spawn, type ChildProcess } from 'node:child_process';
import type { Side, WarmCommand, WarmJob, WarmReport } from './inProcess';
import { mean, median } from './stats';

/**
 * Warm per-request time: each side (ours, the lower bound) runs in its own long-lived process
 * (bench/.out/inProcess.js), answers the home page from the in-memory fixture through the SDK's
 * whole middleware stack, and times blocks of invocations when asked. The parent alternates the
 * sides block by block, first one then the other, so drift (GC, other jobs, CPU frequency) falls
 * on both alike, while neither process pays for the other's runtime state.
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
  oursUs: number;
  lowerBoundUs: number;
  oursMeanUs: number;
  lowerBoundMeanUs: number;
  iterations: number;
  callsPerRequest: Record<Side, Record<string, number>>;
}

const SIDES = ['ours', 'lowerBound'] as const;

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
    const answers = ready.map((report) => ('ready' in report ? report : undefined));
    if (!answers[0] || !answers[1]) throw new Error('A warm side did not start');
    if (answers[0].data !== answers[1].data) throw new Error('The lower bound answers differently from ours');

    const runBlock = async (index: number, block: number) => {
      const entry = children[index];
      if (!entry) throw new Error('No such side');
      entry.child.send({ block } satisfies WarmCommand);
      const report = await entry.next();
      if (!('microsecondsPerRequest' in report)) throw new Error(`${entry.side} sent an unexpected report`);
      return report.microsecondsPerRequest;
    };
    await runBlock(0, options.warmup);
    await runBlock(1, options.warmup);
    const blocks: [number[], number[]] = [[], []];
    const rounds = Math.ceil(options.iterations / options.blockSize);
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const index of order) blocks[index === 0 ? 0 : 1].push(await runBlock(index, options.blockSize));
    }
    return {
      oursUs: median(blocks[0]),
      lowerBoundUs: median(blocks[1]),
      oursMeanUs: mean(blocks[0]),
      lowerBoundMeanUs: mean(blocks[1]),
      iterations: rounds * options.blockSize,
      callsPerRequest: { ours: answers[0].calls, lowerBound: answers[1].calls },
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
