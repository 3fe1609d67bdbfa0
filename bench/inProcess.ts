import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { localLambdaContext } from '../local/apiGatewayEvent';
import { graphqlEvent } from './events';
import { FixtureDynamo } from './fixtureDynamo';
import { browsePageProblems } from './browsePage';
import {
  BROWSE_PAGE_QUERY,
  BROWSE_PAGE_VARIABLES,
  CART_QUERY,
  HOME_PAGE_QUERY,
  HOME_PAGE_SIZE,
} from './queries';
import type { PeerFactory } from './peers/storeSetup';
import { BROWSE_SIDES, PEERS, SIDES, type BrowseSide, type Peer, type Side } from './sides';
import { attachFixtureTransport, RoundTripCounter, type RoundTrips } from './sdkMiddleware';

/**
 * The in-process half of the benchmark, bundled with the production esbuild options (so our
 * handler runs as it ships) and started by bench/run.ts:
 *
 *   node bench/.out/inProcess.js warm <side>   one side's warm invocations, in blocks the parent
 *                                              asks for over IPC (a side of SIDES)
 *   node bench/.out/inProcess.js roundTrips    DynamoDB calls and waves per request, every side
 *
 * Each warm side runs in a process of its own: our handler's AsyncLocalStorage switches on
 * Node's promise hooks for the whole process, which would tax the other sides' promises too.
 * The peers (bench/peers) are not bundled into this file, whose options are our production ones:
 * each is `require`d at run time from its own plain bundle (bench/build.mjs:
 * `peers/<peer>/factory.js`), so it runs as its users would build it.
 * The job comes in BENCH_JOB (JSON); the handlers' configuration is the process environment,
 * exactly as in Lambda. Results go to the parent over IPC (warm) or to file descriptor 3
 * (round trips); stdout carries the handlers' own log lines.
 */
type Invoke = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
/** Each peer's factory bundle (bench/build.mjs: `peers/<peer>/factory.js`). */
export type PeerFiles = Record<Peer, string>;

export interface WarmJob {
  fixtureFile: string;
  shopperToken: string;
  peerFiles: PeerFiles;
}

/** Parent → warm child: run `block` invocations and report, or stop. */
export type WarmCommand = { block: number } | { stop: true };
/** Warm child → parent: ready (with its answer and the calls it made), or a block's time. */
export type WarmReport =
  { ready: true; data: string; calls: Record<string, number> } | { microsecondsPerRequest: number };

export interface RoundTripJob {
  peerFiles: PeerFiles;
  shopperToken: string;
  bulkBuyerToken: string;
  pageSizes: number[];
  repetitions: number;
}

export interface RoundTripResult {
  homePage: Record<string, Record<Side, RoundTrips>>;
  browsePage: Record<BrowseSide, RoundTrips> & { products: number };
  cart50: Record<Side, RoundTrips> & { itemCount: number };
}

/**
 * Builds one side as its Lambda entry point does (src/transport/handler.ts,
 * bench/lowerBound/handler.ts, bench/peers/*Handler.ts: configuration from the process
 * environment), through its `onDynamoClient` option, which hands over the DynamoDB client once,
 * before any request, so the benchmark's middleware is in place.
 */
async function loadSide(
  side: Side,
  peerFiles: PeerFiles,
  onDynamoClient: (client: DynamoDBDocumentClient) => void,
): Promise<Invoke> {
  if (side === 'apolloStock' || side === 'yoga') {
    // Loaded at run time, not bundled here: the peer runs from its own plain bundle.
    const { createPeerHandler } = createRequire(__filename)(peerFiles[side]) as {
      createPeerHandler: PeerFactory;
    };
    const handler = createPeerHandler(process.env, { onDynamoClient });
    const context = localLambdaContext('bench-warm');
    return (event) => handler(event, context);
  }
  if (side === 'ours') {
    const [{ createLambdaHandler }, { loadConfig }] = await Promise.all([
      import('../src/transport/lambdaHandler'),
      import('../src/config'),
    ]);
    const handler = createLambdaHandler(loadConfig(process.env), { onDynamoClient });
    const context = localLambdaContext('bench-warm');
    return (event) => handler(event, context);
  }
  const { createLowerBoundHandler } = await import('./lowerBound/lowerBound');
  return createLowerBoundHandler(process.env, { onDynamoClient });
}

async function warm(side: Side, job: WarmJob): Promise<void> {
  const snapshot = JSON.parse(readFileSync(job.fixtureFile, 'utf8')) as {
    tables: ConstructorParameters<typeof FixtureDynamo>[0];
    items: ConstructorParameters<typeof FixtureDynamo>[1];
  };
  const fixture = new FixtureDynamo(snapshot.tables, snapshot.items);
  const invoke = await loadSide(side, job.peerFiles, (client) => attachFixtureTransport(client, fixture));
  const event = graphqlEvent(HOME_PAGE_QUERY, { first: HOME_PAGE_SIZE }, job.shopperToken);
  const data = dataOf(await invoke(event), side);
  const report = (message: WarmReport) => process.send?.(message);
  report({ ready: true, data, calls: Object.fromEntries(fixture.calls) });
  process.on('message', (command: WarmCommand) => {
    if ('stop' in command) process.exit(0);
    void (async () => {
      const start = process.hrtime.bigint();
      for (let index = 0; index < command.block; index += 1) await invoke(event);
      report({ microsecondsPerRequest: Number(process.hrtime.bigint() - start) / 1000 / command.block });
    })();
  });
}

async function roundTrips(job: RoundTripJob): Promise<RoundTripResult> {
  const counters = Object.fromEntries(SIDES.map((side) => [side, new RoundTripCounter()])) as Record<
    Side,
    RoundTripCounter
  >;
  const sides = {} as Record<Side, Invoke>;
  for (const side of SIDES)
    sides[side] = await loadSide(side, job.peerFiles, (client) => counters[side].attach(client));

  /**
   * Worst case over repetitions: waves depend on which answer arrives first. The sides in `same`
   * must answer exactly what ours does (`measured` starts with ours), and ours must pass `check`.
   */
  const measure = async (
    event: APIGatewayProxyEventV2,
    same: readonly Side[],
    { measured = SIDES, check }: { measured?: readonly Side[]; check?: (data: string) => void } = {},
  ) => {
    const worst = Object.fromEntries(measured.map((side) => [side, emptyTrips()])) as Record<
      Side,
      RoundTrips
    >;
    for (let repetition = 0; repetition < job.repetitions; repetition += 1) {
      let ours: string | undefined;
      for (const side of measured) {
        counters[side].take();
        const data = dataOf(await sides[side](event), side);
        ours ??= data;
        if (side === 'ours') check?.(data);
        if (same.includes(side) && data !== ours) throw new Error(`${side} answers differently from ours`);
        const trips = counters[side].take();
        if (trips.waves >= worst[side].waves) worst[side] = trips;
      }
    }
    return worst;
  };

  const homePage: RoundTripResult['homePage'] = {};
  for (const first of job.pageSizes) {
    homePage[String(first)] = await measure(
      graphqlEvent(HOME_PAGE_QUERY, { first }, job.shopperToken),
      SIDES,
    );
  }
  let browsed = 0;
  const browse = await measure(
    graphqlEvent(BROWSE_PAGE_QUERY, BROWSE_PAGE_VARIABLES, job.shopperToken),
    BROWSE_SIDES,
    {
      measured: BROWSE_SIDES,
      check(data) {
        const problems = browsePageProblems(data, BROWSE_PAGE_VARIABLES.filter.search);
        if (problems.length > 0) throw new Error(`ours answers a wrong browse page: ${problems.join('; ')}`);
        browsed = (JSON.parse(data) as { products: { nodes: unknown[] } }).products.nodes.length;
      },
    },
  );
  const cartEvent = graphqlEvent(CART_QUERY, {}, job.bulkBuyerToken);
  // The lower bound prices a promotion its own way; the peers run our resolvers, so must agree.
  const cart = await measure(cartEvent, PEERS);
  const data = JSON.parse(dataOf(await sides.ours(cartEvent), 'ours')) as {
    cart: { itemCount: number };
  };
  return {
    homePage,
    browsePage: { ...browse, products: browsed },
    cart50: { ...cart, itemCount: data.cart.itemCount },
  };
}

/** The response's `data` as JSON; any error or non-200 status fails the benchmark. */
function dataOf(result: APIGatewayProxyStructuredResultV2, side: string): string {
  const body = JSON.parse(result.body ?? '{}') as { data?: unknown; errors?: unknown };
  if (result.statusCode !== 200 || body.errors) {
    throw new Error(`${side} answered ${result.statusCode}: ${result.body ?? ''}`.slice(0, 2000));
  }
  return JSON.stringify(body.data);
}

function emptyTrips(): RoundTrips {
  return { calls: 0, waves: 0, byCommand: {} };
}

async function main(): Promise<void> {
  const [mode, side] = process.argv.slice(2);
  const job: unknown = JSON.parse(process.env.BENCH_JOB ?? '{}');
  const warmSide = SIDES.find((name) => name === side);
  if (mode === 'warm' && warmSide) {
    await warm(warmSide, job as WarmJob);
    return;
  }
  if (mode !== 'roundTrips') throw new Error(`Unknown mode ${mode ?? '(none)'}: warm <side> or roundTrips`);
  const result = await roundTrips(job as RoundTripJob);
  // fd 3 is a pipe bench/run.ts opens for the result; stdout carries the handlers' log lines.
  writeSync(3, JSON.stringify(result));
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
