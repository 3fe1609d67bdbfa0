import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../src/datasources/dynamoClient';
import { tableVariable } from '../local/tables';
import { TABLE_KEYS, type TableNames } from '../src/datasources/tableDefinitions';
import { startDynamoLocal, type DynamoLocal } from '../local/dynamoLocal';
import { ensureTables } from '../local/tables';
import { measureColdStarts, type ColdStartVariant } from './coldStart';
import { graphqlEvent } from './events';
import { FixtureDynamo, serveFixture } from './fixtureDynamo';
import { benchTableNames, BULK_BUYER, seedBenchData, SHOPPER, snapshotTables } from './fixtures';
import type { RoundTripJob, RoundTripResult } from './inProcess';
import { HOME_PAGE_QUERY, HOME_PAGE_SIZE } from './queries';
import { describeMachine } from './machine';
import { report } from './report';
import { summarize, type Results } from './results';
import { PEERS, type Peer } from './sides';
import { round } from './stats';
import { measureWarm } from './warm';
import { startBenchPool } from './benchPool';

/**
 * `npm run bench`: one run, on one machine, of everything the performance issue compares: cold
 * start (ours, the lower bound, the peers, ours unbundled, and bare Node as the floor), warm
 * per-request time (ours, the lower bound, the peers) and DynamoDB round trips per page, printed
 * as tables with the targets (bench/targets.ts) and written to bench/results.json. The peers are
 * stock Apollo Server and GraphQL Yoga, built as their documentation shows (bench/peers). A
 * benchmark, not a test: it reports ratios and never fails on a time; it fails only when a
 * variant answers wrongly or something cannot run.
 * See bench/README.md for what each number means and how the variants are made comparable.
 */
const PROJECT_DIR = path.resolve(__dirname, '..');
const OUT_DIR = path.join(__dirname, '.out');
const RESULTS_FILE = path.join(__dirname, 'results.json');
const REGION = 'us-east-1';
/**
 * The whole run is bounded; a stuck child or DynamoDB Local cannot keep it going. A safety net,
 * not a budget: a quiet machine takes two to four minutes, a busy one several times that.
 */
const DEADLINE_MS = 20 * 60_000;
const COLD_START_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20);
const WARM_ITERATIONS = Number(process.env.BENCH_WARM_ITERATIONS ?? 2000);
const PAGE_SIZES = [5, 20, 100];

const cleanups: Array<() => Promise<void> | void> = [];
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  // The SDK warns that Node 20 support ends in 2027; Lambda runs Node 22, so here it is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const startedAt = new Date();
  const machine = describeMachine();
  log(`${machine.cpu} ×${machine.cores}, Node ${process.version}, load ${machine.loadAverage.join(' ')}`);

  log('Building: npm run build, then the lower bound, the peers, the unbundled handler and the harness');
  await run(process.execPath, [path.join(PROJECT_DIR, 'esbuild.config.mjs')]);
  const bundleFile = path.join(PROJECT_DIR, 'dist', 'handler.js');
  const bundleBytes = statSync(bundleFile).size;
  const built = JSON.parse(await run(process.execPath, [path.join(__dirname, 'build.mjs')])) as Record<
    'lowerBound' | 'unbundled' | 'inProcess' | Peer | `${Peer}Factory`,
    { file: string; bytes: number }
  >;
  const peerFiles = Object.fromEntries(PEERS.map((peer) => [peer, built[`${peer}Factory`].file])) as Record<
    Peer,
    string
  >;

  const tables = benchTableNames();
  log('Starting the user pool (cognito-local)');
  const pool = await startBenchPool(cleanups);
  const shopperToken = pool.tokenFor(SHOPPER);
  const bulkBuyerToken = pool.tokenFor(BULK_BUYER);
  const handlerEnv = (endpoint: string): NodeJS.ProcessEnv => ({
    AWS_REGION: REGION,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: endpoint,
    ...pool.environment,
    ...tableEnvironment(tables),
  });

  log('Starting DynamoDB Local and seeding it through the real stores');
  const dynamo: DynamoLocal = await startDynamoLocal({ port: 0 });
  cleanups.push(() => dynamo.stop());
  const client = new DynamoDBClient({
    region: REGION,
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTables(client, tables);
  const db = createDocumentClient({ region: REGION, endpoint: dynamo.endpoint });
  await seedBenchData(db, tables);
  const items = await snapshotTables(client, tables);
  client.destroy();
  db.destroy();
  mkdirSync(OUT_DIR, { recursive: true });
  const fixtureFile = path.join(OUT_DIR, 'fixture.json');
  writeFileSync(fixtureFile, JSON.stringify({ tables, items }));

  log('Round trips against DynamoDB Local');
  const roundTripJob: RoundTripJob = {
    peerFiles,
    shopperToken,
    bulkBuyerToken,
    pageSizes: PAGE_SIZES,
    repetitions: 3,
  };
  const trips = JSON.parse(
    await run(process.execPath, [built.inProcess.file, 'roundTrips'], {
      env: { ...handlerEnv(dynamo.endpoint), BENCH_JOB: JSON.stringify(roundTripJob) },
      output: 'fd3',
    }),
  ) as RoundTripResult;
  await dynamo.stop();

  log(`Cold starts: ${COLD_START_RUNS} fresh processes per variant, round-robin, on an in-memory fixture`);
  const fixture = await serveFixture(new FixtureDynamo(tables, items));
  cleanups.push(() => fixture.close());
  const event = graphqlEvent(HOME_PAGE_QUERY, { first: HOME_PAGE_SIZE }, shopperToken);
  const variants: ColdStartVariant[] = [
    { name: 'ours', module: bundleFile },
    { name: 'lowerBound', module: built.lowerBound.file },
    ...PEERS.map((peer) => ({ name: peer, module: built[peer].file })),
    { name: 'unbundled', module: built.unbundled.file },
    { name: 'node', module: '--node-only' },
  ];
  let expected: string | undefined;
  const cold = await measureColdStarts(variants, {
    runs: COLD_START_RUNS,
    env: { ...handlerEnv(fixture.endpoint), BENCH_EVENT: JSON.stringify(event) },
    timeoutMs: 30_000,
    check(variant, statusCode, body) {
      const parsed = JSON.parse(body ?? '{}') as { data?: unknown; errors?: unknown };
      if (statusCode !== 200 || parsed.errors || !parsed.data) {
        throw new Error(`${variant} answered ${statusCode}: ${(body ?? '').slice(0, 1000)}`);
      }
      const data = JSON.stringify(parsed.data);
      expected ??= data;
      if (data !== expected) throw new Error(`${variant} answered different data from the other variants`);
    },
  });
  fixture.close();

  log(`Warm: ${WARM_ITERATIONS} in-process invocations per side, one process per side, blocks interleaved`);
  const warm = await measureWarm(
    {
      harness: built.inProcess.file,
      // Never contacted: the in-process transport answers every call. Setting it keeps the SDK
      // on static local credentials instead of the default provider chain.
      env: handlerEnv('http://127.0.0.1:9'),
      job: { fixtureFile, shopperToken, peerFiles },
      iterations: WARM_ITERATIONS,
      blockSize: 50,
      warmup: 300,
    },
    (child) =>
      cleanups.push(() => {
        if (child.exitCode === null) child.kill('SIGKILL');
      }),
  );

  const results: Results = {
    ...summarize({
      cold,
      coldRuns: COLD_START_RUNS,
      warm,
      trips,
      bundleBytes: {
        ours: bundleBytes,
        lowerBound: built.lowerBound.bytes,
        apolloStock: built.apolloStock.bytes,
        yoga: built.yoga.bytes,
      },
    }),
    node: process.version,
    machine,
    startedAt: startedAt.toISOString(),
    durationSeconds: round((Date.now() - startedAt.getTime()) / 1000),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(report(results));
  log(`Wrote ${path.relative(PROJECT_DIR, RESULTS_FILE)} in ${results.durationSeconds} s`);
}

function tableEnvironment(tables: TableNames): Record<string, string> {
  // src/config.ts reads one <NAME>_TABLE variable per table of tables.json.
  return Object.fromEntries(TABLE_KEYS.map((key) => [tableVariable(key), tables[key]]));
}

/**
 * Runs a command to completion and returns what it wrote to `output`: its stdout, or file
 * descriptor 3 for the in-process harness, whose stdout carries the handlers' log lines
 * (discarded here, as CloudWatch would take them in Lambda). Its stderr passes through.
 */
async function run(
  command: string,
  args: string[],
  { env = process.env, output = 'stdout' }: { env?: NodeJS.ProcessEnv; output?: 'stdout' | 'fd3' } = {},
): Promise<string> {
  const child = spawn(command, args, { cwd: PROJECT_DIR, env, stdio: ['ignore', 'pipe', 'inherit', 'pipe'] });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  const stream = output === 'stdout' ? child.stdout : child.stdio[3];
  if (output === 'fd3') child.stdout?.resume();
  stream?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) =>
    child.once('close', (exitCode) => resolve(exitCode)),
  );
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}`);
  return stdout;
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // Best effort: the remaining cleanups still run.
    }
  }
}

const deadline = setTimeout(() => {
  log(`Stopped after ${DEADLINE_MS / 60_000} minutes`);
  void cleanUp().then(() => process.exit(1));
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}

main()
  .then(cleanUp, async (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(deadline));
