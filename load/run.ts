import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_TABLES } from '../local/localState';
import { LoadDatabase } from './database';
import { drive, type LoadShape } from './driver';
import { checkInvariants } from './invariants';
import { orderFigures } from './orderInvariants';
import { parseOptions, USAGE, UsageError } from './options';
import { Recorder } from './recorder';
import {
  describeMachine,
  machineLine,
  scenarioTable,
  summaryTable,
  type RunReport,
  type ScenarioReport,
} from './report';
import { buildBundle, startRuntime, type Runtime } from './runtime';
import { browse } from './scenarios/browse';
import { hotProduct } from './scenarios/hotProduct';
import type { Scenario, ScenarioName } from './scenarios/scenario';
import { shop } from './scenarios/shop';

/**
 * `npm run load`: builds the bundle, starts the local runtime in a throwaway state folder, and
 * drives each scenario over HTTP for a fixed time with N concurrent clients; after each, checks
 * the invariants on the tables themselves. Prints a table per scenario, writes
 * load/results.json, and exits non-zero on a broken invariant or an unexpected error — never on
 * a latency figure, which depends on the machine far more than on the code.
 */
const RESULTS_FILE = path.join(__dirname, 'results.json');
/** The runtime's own output (errors are logged there with their cause); *.log is git-ignored. */
const RUNTIME_LOG = path.join(__dirname, 'runtime.log');
const SCENARIOS: Record<ScenarioName, Scenario> = { browse, shop, hot: hotProduct };
/**
 * Read-only traffic before the first measured scenario, not counted: the runtime's JIT and
 * DynamoDB Local's JVM are cold after start, and the first seconds would otherwise be reported as
 * the browse scenario's latency (p50 about 3× the warm figure on the reference machine).
 */
const WARM_UP_SECONDS = 3;

const cleanups: Array<() => Promise<void> | void> = [];
const log = (line: string) => process.stderr.write(`[load] ${line}\n`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  // The SDK warns that Node 20 support ends in 2027; Lambda runs Node 22, so here it is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  log(`${machineLine(machine)}; load average ${machine.loadAverage.join(' ')}`);

  log('Building dist/handler.js (as npm start does)');
  await buildBundle();
  log('Starting the local runtime in a fresh state folder');
  const runtime = await startRuntime(RUNTIME_LOG);
  cleanups.push(() => runtime.stop());
  const db = LoadDatabase.connect(runtime.dynamoEndpoint, LOCAL_TABLES);
  cleanups.push(() => db.destroy());
  log(`Ready at ${runtime.url}`);

  const runId = randomUUID().slice(0, 8);
  const shape: LoadShape = { durationSeconds: options.durationSeconds, connections: options.connections };
  await warmUp({ runtime, db, runId, shape });
  const reports: ScenarioReport[] = [];
  for (const name of options.scenarios) {
    const report = await runScenario(SCENARIOS[name], { runtime, db, runId, shape });
    reports.push(report);
    process.stdout.write(`\n${scenarioTable(report)}\n`);
  }

  const run: RunReport = {
    startedAt,
    machine,
    options: { ...shape, scenarios: options.scenarios },
    scenarios: reports,
    ok: reports.every((report) => report.ok),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(run, null, 2)}\n`);
  process.stdout.write(`\nMachine: ${machineLine(machine)}\n\n${summaryTable(reports)}\n\n`);
  log(`Results in ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (!run.ok) {
    log('FAILED: a broken invariant or an unexpected error (see the tables above)');
    printRuntimeErrors();
  }
  return run.ok ? 0 : 1;
}

interface RunContext {
  runtime: Runtime;
  db: LoadDatabase;
  runId: string;
  shape: LoadShape;
}

async function runScenario(
  scenario: Scenario,
  { runtime, db, runId, shape }: RunContext,
): Promise<ScenarioReport> {
  const recorder = new Recorder();
  const catalogue = await db.snapshot();
  const plan = await scenario.prepare({
    db,
    recorder,
    tokenFor: runtime.tokenFor,
    staffTokenFor: runtime.staffTokenFor,
    productIds: catalogue.products.map((product) => product.id).sort(),
    runId,
  });
  const before = await db.snapshot();
  log(`${scenario.name}: ${shape.connections} clients for ${shape.durationSeconds} s — ${scenario.summary}`);
  const result = await drive(runtime.url, plan, shape);
  log(`${scenario.name}: ${recorder.responses} responses; waiting for the tables to settle`);
  const after = await db.settle();

  const invariants = checkInvariants({
    before,
    after,
    restocked: plan.restocked,
    acknowledgedOrders: recorder.acknowledgedOrders,
    answered: recorder.answeredStatuses,
  });
  const unexpected = [
    ...recorder.unexpected(scenario.expectedCodes, scenario.expectedByOperation),
    ...(result.errors > 0 ? [`connection errors (timeouts included) ×${result.errors}`] : []),
  ];
  return {
    scenario: scenario.name,
    summary: scenario.summary,
    durationSeconds: result.duration,
    connections: shape.connections,
    requests: recorder.responses,
    throughputPerSecond: recorder.responses / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    statusCodes: Object.fromEntries(recorder.statusCodes),
    errorsByCode: Object.fromEntries(recorder.errorCodes),
    errorsByOperation: Object.fromEntries(recorder.errorsByOperation),
    operations: Object.fromEntries(recorder.operations),
    expectedCodes: scenario.expectedCodes,
    expectedByOperation: scenario.expectedByOperation ?? {},
    transport: { errors: result.errors, timeouts: result.timeouts },
    unexpected,
    orders: orderFigures(before, after),
    outcomes: Object.fromEntries(recorder.outcomes),
    restockedUnits: sum([...(plan.restocked ?? new Map<string, number>()).values()]),
    invariants,
    ok: unexpected.length === 0 && invariants.every((invariant) => invariant.ok),
  };
}

async function warmUp({ runtime, db, runId, shape }: RunContext): Promise<void> {
  log(`Warming up for ${WARM_UP_SECONDS} s (read-only, not counted)`);
  const { products } = await db.snapshot();
  const plan = await browse.prepare({
    db,
    recorder: new Recorder(),
    tokenFor: runtime.tokenFor,
    staffTokenFor: runtime.staffTokenFor,
    productIds: products.map((product) => product.id),
    runId,
  });
  await drive(runtime.url, plan, { durationSeconds: WARM_UP_SECONDS, connections: shape.connections });
}

/**
 * The causes behind INTERNAL_SERVER_ERRORs, from what the runtime logged at WARN and above
 * (one JSON line each), grouped by error name and message.
 */
function printRuntimeErrors(): void {
  const causes = new Map<string, number>();
  for (const line of readFileSync(RUNTIME_LOG, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      // Powertools logger lines; every field is read as optional.
      const entry = JSON.parse(line) as {
        level?: string;
        message?: string;
        error?: { name?: string; message?: string };
      };
      const cause = `${entry.level} ${entry.message}: ${entry.error?.name ?? ''} ${entry.error?.message ?? ''}`;
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    } catch {
      causes.set(line.slice(0, 300), (causes.get(line.slice(0, 300)) ?? 0) + 1);
    }
  }
  if (causes.size === 0) return;
  log(`What the runtime logged (${path.relative(process.cwd(), RUNTIME_LOG)}):`);
  for (const [cause, count] of causes) process.stderr.write(`  ×${count} ${cause}\n`);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  }
}

// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal to the whole process
// group, and relayed by the tsx wrapper), and a second signal without a listener would kill it
// before the runtime's state folder is removed.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping the runtime…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    if (error instanceof UsageError) log(`${error.message}\n${USAGE}`);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await cleanUp();
    process.exit(2);
  });
