import type { Probe } from './coldStart';
import type { RoundTripResult } from './inProcess';
import type { describeMachine } from './machine';
import { PEERS, SIDES, type Peer, type Side } from './sides';
import { median, percentile, round } from './stats';
import { atLeastTimesFaster, atMost, atMostTimesOther, exactly, TARGETS, type TargetResult } from './targets';
import type { WarmMeasurement } from './warm';

/**
 * bench/results.json: the run's measurements, summarised (medians, ratios of medians measured in
 * the same run) and checked against the targets (bench/targets.ts).
 */
export const COLD_VARIANTS = ['ours', 'lowerBound', ...PEERS, 'unbundled', 'node'] as const;
export type ColdVariant = (typeof COLD_VARIANTS)[number];

export type Summary = { median: number; p90: number; cpuMedian: number; moduleLoadedMedian?: number };

export interface Measurements {
  cold: Record<string, Probe[]>;
  coldRuns: number;
  warm: WarmMeasurement;
  trips: RoundTripResult;
  bundleBytes: Record<'ours' | 'lowerBound' | Peer, number>;
}

export type Results = ReturnType<typeof summarize> & {
  node: string;
  machine: ReturnType<typeof describeMachine>;
  startedAt: string;
  durationSeconds: number;
};

export function summarize({ cold, coldRuns, warm, trips, bundleBytes }: Measurements) {
  const times = (name: ColdVariant) => (cold[name] ?? []).map((probe) => probe.ms);
  const cpu = (name: ColdVariant) => (cold[name] ?? []).map((probe) => probe.cpuMs);
  const summary = (name: ColdVariant): Summary => {
    const loaded = (cold[name] ?? []).flatMap((probe) => (probe.loadedMs ? [probe.loadedMs] : []));
    return {
      median: round(median(times(name))),
      p90: round(percentile(times(name), 90)),
      cpuMedian: round(median(cpu(name))),
      ...(loaded.length > 0 ? { moduleLoadedMedian: round(median(loaded)) } : {}),
    };
  };
  const elapsed = (name: ColdVariant) => median(times(name));
  const cpuTime = (name: ColdVariant) => median(cpu(name));
  const fastest = (of: (name: Peer) => number) =>
    PEERS.reduce((best, peer) => (of(peer) < of(best) ? peer : best));
  const fasterPeer = fastest(elapsed);
  const fasterPeerOnCpu = fastest(cpuTime);

  const coldStart = {
    ...(Object.fromEntries(COLD_VARIANTS.map((name) => [name, summary(name)])) as Record<
      ColdVariant,
      Summary
    >),
    runs: coldRuns,
    ratioToLowerBound: round(elapsed('ours') / elapsed('lowerBound'), 2),
    speedupVsUnbundled: round(elapsed('unbundled') / elapsed('ours'), 2),
    /** The peer with the lower median, and its median ÷ ours. */
    fasterPeer,
    speedupVsFasterPeer: round(elapsed(fasterPeer) / elapsed('ours'), 2),
    // The same ratios on CPU time, which a busy machine distorts less than elapsed time.
    cpuRatioToLowerBound: round(cpuTime('ours') / cpuTime('lowerBound'), 2),
    cpuSpeedupVsUnbundled: round(cpuTime('unbundled') / cpuTime('ours'), 2),
    cpuFasterPeer: fasterPeerOnCpu,
    cpuSpeedupVsFasterPeer: round(cpuTime(fasterPeerOnCpu) / cpuTime('ours'), 2),
    samples: Object.fromEntries(COLD_VARIANTS.map((name) => [name, times(name).map((ms) => round(ms))])),
  };

  const warmSummary = {
    oursUs: round(warm.medianUs.ours),
    lowerBoundUs: round(warm.medianUs.lowerBound),
    apolloStockUs: round(warm.medianUs.apolloStock),
    yogaUs: round(warm.medianUs.yoga),
    ratio: round(warm.medianUs.ours / warm.medianUs.lowerBound, 2),
    /** Each peer's median ÷ ours. */
    speedupVsPeers: Object.fromEntries(
      PEERS.map((peer) => [peer, round(warm.medianUs[peer] / warm.medianUs.ours, 2)]),
    ) as Record<Peer, number>,
    meanUs: Object.fromEntries(SIDES.map((side) => [side, round(warm.meanUs[side])])) as Record<Side, number>,
    iterations: warm.iterations,
    dynamoCallsPerRequest: warm.callsPerRequest,
  };

  const others = (trip: Record<Side, { calls: number; waves: number; byCommand: Record<string, number> }>) =>
    Object.fromEntries(SIDES.filter((side) => side !== 'ours').map((side) => [side, trip[side]])) as Record<
      Exclude<Side, 'ours'>,
      (typeof trip)[Side]
    >;
  const roundTrips = {
    homePage: Object.fromEntries(
      Object.entries(trips.homePage).map(([size, trip]) => [
        size,
        { calls: trip.ours.calls, waves: trip.ours.waves, byCommand: trip.ours.byCommand, ...others(trip) },
      ]),
    ),
    browsePage: {
      calls: trips.browsePage.ours.calls,
      waves: trips.browsePage.ours.waves,
      byCommand: trips.browsePage.ours.byCommand,
      /** Products on the page ours answered (checked: bench/browsePage.ts). */
      products: trips.browsePage.products,
      apolloStock: trips.browsePage.apolloStock,
      yoga: trips.browsePage.yoga,
    },
    cart50: {
      batchGetCalls: trips.cart50.ours.byCommand.BatchGetItem ?? 0,
      calls: trips.cart50.ours.calls,
      waves: trips.cart50.ours.waves,
      itemCount: trips.cart50.itemCount,
      ...others(trips.cart50),
    },
  };

  const maxWaves = Math.max(...Object.values(roundTrips.homePage).map((page) => page.waves));
  const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
  const targets: TargetResult[] = [
    atMostTimesOther(
      `cold start, ours ÷ lower bound (medians, ${coldRuns} runs each)`,
      elapsed('ours'),
      elapsed('lowerBound'),
      TARGETS.coldStartRatioToLowerBound,
      'ms',
    ),
    atLeastTimesFaster(
      `cold start, faster peer (${fasterPeer === 'yoga' ? 'Yoga' : 'stock Apollo'}) ÷ ours`,
      elapsed('ours'),
      elapsed(fasterPeer),
      TARGETS.coldStartSpeedupVsFasterPeer,
      'ms',
    ),
    atLeastTimesFaster(
      'cold start, unbundled ÷ ours',
      elapsed('ours'),
      elapsed('unbundled'),
      TARGETS.coldStartSpeedupVsUnbundled,
      'ms',
    ),
    atMostTimesOther(
      `warm per request, ours ÷ lower bound (${warmSummary.oursUs} µs vs ${warmSummary.lowerBoundUs} µs, ${warm.iterations} each)`,
      warm.medianUs.ours,
      warm.medianUs.lowerBound,
      TARGETS.warmRatio,
      'µs',
    ),
    atMost('bundle, AWS SDK inside (dist/handler.js)', bundleBytes.ours, TARGETS.bundleBytes, kib, 'over'),
    atMost(
      'home page sequential DynamoDB waves, worst of 5/20/100',
      maxWaves,
      TARGETS.homePageWaves,
      String,
      'too many',
    ),
    ...Object.entries(roundTrips.homePage).map(([size, page]) =>
      atMost(
        `home page DynamoDB calls, ${size} products`,
        page.calls,
        TARGETS.homePageCalls,
        String,
        'too many',
      ),
    ),
    atMost(
      'browse page sequential DynamoDB waves',
      roundTrips.browsePage.waves,
      TARGETS.browsePageWaves,
      String,
      'too many',
    ),
    exactly(
      '50-line cart: BatchGetItem calls for its products',
      roundTrips.cart50.batchGetCalls,
      TARGETS.cart50BatchGetCalls,
    ),
  ];

  return {
    coldStart,
    warm: warmSummary,
    roundTrips,
    bundleBytes: bundleBytes.ours,
    bundles: {
      lowerBoundBytes: bundleBytes.lowerBound,
      apolloStockBytes: bundleBytes.apolloStock,
      yogaBytes: bundleBytes.yoga,
    },
    targets,
  };
}
