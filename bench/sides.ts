/**
 * What the benchmark compares, by name. Its own module (no side effects), since both the parent
 * (bench/run.ts, bench/warm.ts) and the in-process harness (bench/inProcess.ts, which runs on
 * import) need the names.
 */

/** The peers of bench/peers: stock Apollo Server and GraphQL Yoga, as their documentation builds them. */
export const PEERS = ['apolloStock', 'yoga'] as const;
export type Peer = (typeof PEERS)[number];

/** The handlers measured in process (warm, round trips): ours first, every other is checked against it. */
export const SIDES = ['ours', 'lowerBound', ...PEERS] as const;
export type Side = (typeof SIDES)[number];

/**
 * The handlers measured on the browse page. The lower bound serves only the home and cart pages:
 * a category page would need its own reading of the listing table (docs/browsing.md), which is
 * more than a bound on the home page's cost is for.
 */
export const BROWSE_SIDES = ['ours', ...PEERS] as const;
export type BrowseSide = (typeof BROWSE_SIDES)[number];

/** How the report names each handler. */
export const LABELS: Record<Side | 'unbundled' | 'node', string> = {
  ours: 'ours (dist/handler.js)',
  lowerBound: 'lower bound (graphql-js + same SDK, bench/lowerBound)',
  apolloStock: 'peer: stock Apollo Server (bench/peers/apolloStock.ts)',
  yoga: 'peer: GraphQL Yoga (bench/peers/yoga.ts)',
  unbundled: 'ours unbundled (node_modules)',
  node: 'bare `node` (floor, no handler)',
};
