import os from 'node:os';
import type { RoundTrips } from './sdkMiddleware';
import { round } from './stats';

/** The performance targets bench/README.md states; the report marks each as holding or not. */
export const TARGETS = {
  coldStartRatioToLowerBound: 1.3,
  coldStartSpeedupVsUnbundled: 1.5,
  warmRatio: 1.5,
  homePageWaves: 3,
  cart50BatchGetCalls: 1,
};

export type Results = {
  coldStart: {
    ours: Summary;
    lowerBound: Summary;
    unbundled: Summary;
    node: Summary;
    runs: number;
    ratioToLowerBound: number;
    speedupVsUnbundled: number;
    cpuRatioToLowerBound: number;
    cpuSpeedupVsUnbundled: number;
  };
  warm: { oursUs: number; lowerBoundUs: number; ratio: number; iterations: number };
  roundTrips: {
    homePage: Record<string, { calls: number; waves: number; lowerBound: RoundTrips }>;
    cart50: { batchGetCalls: number; calls: number; waves: number; lowerBound: RoundTrips };
  };
  bundleBytes: number;
  bundles: { lowerBoundBytes: number };
  node: string;
  machine: ReturnType<typeof describeMachine>;
};
export type Summary = { median: number; p90: number; cpuMedian: number; moduleLoadedMedian?: number };

/** The Markdown table bench/README.md's "Latest results" section carries. */
export function report(results: Results): string {
  const { coldStart: c, warm: w, roundTrips: r } = results;
  const check = (ok: boolean) => (ok ? 'yes' : '**no**');
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const maxWaves = Math.max(...Object.values(r.homePage).map((page) => page.waves));
  const lines = [
    '',
    `Measured on ${results.machine.cpu} ×${results.machine.cores}, ${results.machine.memoryGiB} GiB, ` +
      `${results.machine.os}, Node ${results.node}; load average at start ${results.machine.loadAverage.join(' ')}.`,
    '',
    '| cold start: process start → home page answered | median | p90 | bundle |',
    '| --- | ---: | ---: | ---: |',
    `| ours (dist/handler.js) | ${c.ours.median} ms | ${c.ours.p90} ms | ${kib(results.bundleBytes)} |`,
    `| lower bound (graphql-js + same SDK, bench/lowerBound) | ${c.lowerBound.median} ms | ${c.lowerBound.p90} ms | ${kib(results.bundles.lowerBoundBytes)} |`,
    `| ours unbundled (node_modules) | ${c.unbundled.median} ms | ${c.unbundled.p90} ms | – |`,
    `| bare \`node\` (floor, no handler) | ${c.node.median} ms | ${c.node.p90} ms | – |`,
    '',
    '| target | measured | goal | holds |',
    '| --- | ---: | ---: | :---: |',
    `| cold start, ours ÷ lower bound (medians, ${c.runs} runs each) | ${c.ratioToLowerBound.toFixed(2)}× | ≤ ${TARGETS.coldStartRatioToLowerBound}× | ${check(c.ratioToLowerBound <= TARGETS.coldStartRatioToLowerBound)} |`,
    `| cold start, unbundled ÷ ours | ${c.speedupVsUnbundled.toFixed(2)}× | ≥ ${TARGETS.coldStartSpeedupVsUnbundled}× | ${check(c.speedupVsUnbundled >= TARGETS.coldStartSpeedupVsUnbundled)} |`,
    `| warm per request, ours ÷ lower bound (${w.oursUs} µs vs ${w.lowerBoundUs} µs, ${w.iterations} each) | ${w.ratio.toFixed(2)}× | ≤ ${TARGETS.warmRatio}× | ${check(w.ratio <= TARGETS.warmRatio)} |`,
    `| home page sequential DynamoDB waves, worst of 5/20/100 | ${maxWaves} | ≤ ${TARGETS.homePageWaves} | ${check(maxWaves <= TARGETS.homePageWaves)} |`,
    `| 50-line cart: BatchGetItem calls for its products | ${r.cart50.batchGetCalls} | ${TARGETS.cart50BatchGetCalls} | ${check(r.cart50.batchGetCalls === TARGETS.cart50BatchGetCalls)} |`,
    '',
    `CPU time instead of elapsed time (less distorted by other jobs on the machine): ours ÷ lower bound ` +
      `${c.cpuRatioToLowerBound.toFixed(2)}×, unbundled ÷ ours ${c.cpuSpeedupVsUnbundled.toFixed(2)}× ` +
      `(medians ${c.ours.cpuMedian}, ${c.lowerBound.cpuMedian} and ${c.unbundled.cpuMedian} ms). ` +
      `Handler module loaded after ${c.ours.moduleLoadedMedian} ms (ours), ${c.lowerBound.moduleLoadedMedian} ms ` +
      `(lower bound), ${c.unbundled.moduleLoadedMedian} ms (unbundled).`,
    '',
    '| DynamoDB Local (worst of 3 requests) | calls | waves | lower bound: calls | waves |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.homePage).map(
      ([size, page]) =>
        `| home page, ${size} products | ${page.calls} | ${page.waves} | ${page.lowerBound.calls} | ${page.lowerBound.waves} |`,
    ),
    `| cart page, 50 lines | ${r.cart50.calls} | ${r.cart50.waves} | ${r.cart50.lowerBound.calls} | ${r.cart50.lowerBound.waves} |`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((load) => round(load, 2)),
  };
}
