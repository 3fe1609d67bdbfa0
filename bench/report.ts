import { COLD_VARIANTS, type Results } from './results';
import { LABELS, PEERS } from './sides';

/** The Markdown report bench/README.md's "Latest results" section carries. */
export function report(results: Results): string {
  const { coldStart: c, warm: w, roundTrips: r } = results;
  const kib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(0)} KiB`);
  const bundles: Partial<Record<(typeof COLD_VARIANTS)[number], number>> = {
    ours: results.bundleBytes,
    lowerBound: results.bundles.lowerBoundBytes,
    apolloStock: results.bundles.apolloStockBytes,
    yoga: results.bundles.yogaBytes,
  };
  const peerName = (peer: (typeof PEERS)[number]) => (peer === 'yoga' ? 'Yoga' : 'stock Apollo');
  const lines = [
    '',
    `Measured on ${results.machine.cpu} ×${results.machine.cores}, ${results.machine.memoryGiB} GiB, ` +
      `${results.machine.os}, Node ${results.node}; load average at start ${results.machine.loadAverage.join(' ')}.`,
    '',
    `| cold start: process start → home page answered (${c.runs} runs each) | median | p90 | bundle |`,
    '| --- | ---: | ---: | ---: |',
    ...COLD_VARIANTS.map(
      (name) => `| ${LABELS[name]} | ${c[name].median} ms | ${c[name].p90} ms | ${kib(bundles[name])} |`,
    ),
    '',
    '| target | measured | goal | holds | short by |',
    '| --- | ---: | ---: | :---: | --- |',
    ...results.targets.map(
      (target) =>
        `| ${target.label} | ${target.measured} | ${target.goal} | ${target.holds ? 'yes' : '**no**'} | ${target.shortBy ?? ''} |`,
    ),
    '',
    `CPU time instead of elapsed time (less distorted by other jobs on the machine): ours ÷ lower bound ` +
      `${c.cpuRatioToLowerBound.toFixed(2)}×, faster peer (${peerName(c.cpuFasterPeer)}) ÷ ours ` +
      `${c.cpuSpeedupVsFasterPeer.toFixed(2)}×, unbundled ÷ ours ${c.cpuSpeedupVsUnbundled.toFixed(2)}× (medians: ` +
      COLD_VARIANTS.filter((name) => name !== 'node')
        .map((name) => `${name} ${c[name].cpuMedian} ms`)
        .join(', ') +
      '). Handler module loaded after: ' +
      COLD_VARIANTS.filter((name) => name !== 'node')
        .map((name) => `${name} ${c[name].moduleLoadedMedian} ms`)
        .join(', ') +
      '.',
    '',
    `Warm, per request (median block of 50, ${w.iterations} requests each): ours ${w.oursUs} µs, ` +
      `lower bound ${w.lowerBoundUs} µs, ` +
      PEERS.map(
        (peer) => `${peerName(peer)} ${w[`${peer}Us`]} µs (${w.speedupVsPeers[peer].toFixed(2)}× ours)`,
      ).join(', ') +
      '.',
    '',
    '| DynamoDB Local (worst of 3 requests): calls / waves | ours | lower bound | stock Apollo | Yoga |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.homePage).map(
      ([size, page]) =>
        `| home page, ${size} products | ${page.calls} / ${page.waves} | ${trip(page.lowerBound)} | ` +
        `${trip(page.apolloStock)} | ${trip(page.yoga)} |`,
    ),
    `| browse page: a category, by price, searched (${r.browsePage.products} products) | ` +
      `${r.browsePage.calls} / ${r.browsePage.waves} | – | ${trip(r.browsePage.apolloStock)} | ` +
      `${trip(r.browsePage.yoga)} |`,
    `| cart page, 50 lines | ${r.cart50.calls} / ${r.cart50.waves} | ${trip(r.cart50.lowerBound)} | ` +
      `${trip(r.cart50.apolloStock)} | ${trip(r.cart50.yoga)} |`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function trip({ calls, waves }: { calls: number; waves: number }): string {
  return `${calls} / ${waves}`;
}
