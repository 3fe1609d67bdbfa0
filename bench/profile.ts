import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { TABLE_KEYS, type TableKey, type TableNames } from '../src/datasources/tableDefinitions';
import { tableVariable } from '../local/tables';
import { runChild, type Probe } from './coldStart';
import { graphqlEvent } from './events';
import { FixtureDynamo, serveFixture, type Item } from './fixtureDynamo';
import { SHOPPER } from './fixtures';
import { HOME_PAGE_QUERY, HOME_PAGE_SIZE } from './queries';
import { median, round } from './stats';
import { startBenchPool } from './benchPool';

/**
 * `npx tsx bench/profile.ts [runs]`: where a cold start's time goes. Runs each variant (ours and
 * the lower bound, both built with the production options plus a source map) as fresh processes
 * under `node --cpu-prof`, maps every CPU sample to the source file it ran (through the source
 * map), and prints self time per package, side by side, and the hottest functions of ours.
 * Uses the fixture data of the last `npm run bench` (bench/.out/fixture.json).
 */
const OUT_DIR = path.join(__dirname, '.out');
const PROFILE_DIR = path.join(OUT_DIR, 'profiles');
const RUNS = Number(process.argv[2] ?? 8);
/** Finer than the default 1 ms: a cold start is only a few hundred samples long otherwise. */
const SAMPLING_INTERVAL_US = 100;

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    /** Samples by line (1-based) within the function: where in a long function time went. */
    positionTicks?: Array<{ line: number; ticks: number }>;
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

interface Attribution {
  totalMs: number;
  byPackage: Map<string, number>;
  byFunction: Map<string, number>;
  /** Inclusive time (self + callees) of our own functions and the framework's. */
  inclusive: Map<string, number>;
}

/** Whose functions get an inclusive-time line: ours, the framework's, the lower bound's. */
const INCLUSIVE_OF = /(^|\/)(src|bench)\/|@apollo\/server|@as-integrations|graphql-tools\/schema/;

async function main(): Promise<void> {
  const fixtureFile = path.join(OUT_DIR, 'fixture.json');
  if (!existsSync(fixtureFile)) throw new Error('No bench/.out/fixture.json: run `npm run bench` once first');
  execFileSync(process.execPath, [path.join(__dirname, 'build.mjs'), '--sourcemap'], { stdio: 'ignore' });
  const snapshot = JSON.parse(readFileSync(fixtureFile, 'utf8')) as {
    tables: TableNames;
    items: Record<TableKey, Item[]>;
  };
  const fixture = await serveFixture(new FixtureDynamo(snapshot.tables, snapshot.items));
  const cleanups: Array<() => Promise<void> | void> = [];
  const pool = await startBenchPool(cleanups);
  const token = pool.tokenFor(SHOPPER);
  const env: NodeJS.ProcessEnv = {
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: fixture.endpoint,
    ...pool.environment,
    ...Object.fromEntries(TABLE_KEYS.map((key) => [tableVariable(key), snapshot.tables[key]])),
    BENCH_EVENT: JSON.stringify(graphqlEvent(HOME_PAGE_QUERY, { first: HOME_PAGE_SIZE }, token)),
  };

  const variants = ['ours', 'lowerBound'] as const;
  const attributions = new Map<string, Attribution>();
  const probes = new Map<string, Probe[]>();
  try {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    for (let run = 0; run < RUNS; run += 1) {
      for (const variant of run % 2 === 0 ? variants : [...variants].reverse()) {
        const dir = path.join(PROFILE_DIR, variant);
        mkdirSync(dir, { recursive: true });
        const probe = await runChild(path.join(OUT_DIR, `${variant}.js`), {
          env,
          timeoutMs: 30_000,
          execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${SAMPLING_INTERVAL_US}`],
        });
        probes.set(variant, [...(probes.get(variant) ?? []), probe]);
      }
    }
  } finally {
    fixture.close();
    for (const cleanup of cleanups) await cleanup();
  }
  for (const variant of variants) {
    const bundle = path.join(OUT_DIR, `${variant}.js`);
    const map = new SourceMap(
      JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
    );
    const dir = path.join(PROFILE_DIR, variant);
    const profiles = readdirSync(dir).map(
      (file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile,
    );
    attributions.set(variant, attribute(profiles, bundle, map));
  }

  const ours = attributions.get('ours');
  const lower = attributions.get('lowerBound');
  if (!ours || !lower) return;
  const line = (text: string) => process.stdout.write(`${text}\n`);
  line(`\nCold start under --cpu-prof (${RUNS} runs each; profiling slows everything down alike)`);
  for (const variant of variants) {
    const list = probes.get(variant) ?? [];
    line(
      `  ${variant.padEnd(11)} module loaded ${round(median(list.map((p) => p.loadedMs ?? 0)))} ms, ` +
        `answered ${round(median(list.map((p) => p.ms)))} ms (medians)`,
    );
  }
  line('\nSelf time per run, ms, by phase and package (load: inside a module body; run: after)');
  line(`${'package'.padEnd(44)} ${'ours'.padStart(8)} ${'lower'.padStart(8)} ${'diff'.padStart(8)}`);
  const names = new Set([...ours.byPackage.keys(), ...lower.byPackage.keys()]);
  const rows = [...names].map((name) => {
    const a = (ours.byPackage.get(name) ?? 0) / RUNS;
    const b = (lower.byPackage.get(name) ?? 0) / RUNS;
    return { name, a, b, diff: a - b };
  });
  rows.sort((x, y) => y.diff - x.diff);
  for (const { name, a, b, diff } of rows.filter((row) => Math.abs(row.diff) >= 0.3 || row.a >= 2)) {
    line(
      `${name.padEnd(44)} ${a.toFixed(1).padStart(8)} ${b.toFixed(1).padStart(8)} ${diff.toFixed(1).padStart(8)}`,
    );
  }
  line(
    `${'total'.padEnd(44)} ${(ours.totalMs / RUNS).toFixed(1).padStart(8)} ${(lower.totalMs / RUNS).toFixed(1).padStart(8)}`,
  );
  line('\nHottest functions of ours (self time per run, ms)');
  for (const [name, ms] of [...ours.byFunction].sort((x, y) => y[1] - x[1]).slice(0, 25)) {
    line(`${(ms / RUNS).toFixed(1).padStart(8)}  ${name}`);
  }
  for (const [variant, attribution] of [
    ['ours', ours],
    ['the lower bound', lower],
  ] as const) {
    line(`\nInclusive time of ${variant}'s and the framework's functions (per run, ms)`);
    for (const [name, ms] of [...attribution.inclusive].sort((x, y) => y[1] - x[1]).slice(0, 30)) {
      line(`${(ms / RUNS).toFixed(1).padStart(8)}  ${name}`);
    }
  }
}

/**
 * Self time by package, split into module loading (the sample ran inside a module's body: esbuild
 * names each wrapped module's function after its path, and hoisted ES modules run in the bundle's
 * top level, found by line) and the work after it (attributed to the function that was running).
 */
function attribute(profiles: readonly CpuProfile[], bundle: string, map: SourceMap): Attribution {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const add = (target: Map<string, number>, key: string, ms: number) =>
    target.set(key, (target.get(key) ?? 0) + ms);
  const lineStarts = readFileSync(bundle, 'utf8')
    .split('\n')
    .map((text) => text.length - text.trimStart().length);
  const mapped = (line: number, column: number) => {
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    return { source: entry.originalSource ?? '(bundle, unmapped)', line: entry.originalLine ?? 0 };
  };
  const inBundle = (url: string) => url.endsWith(bundle) || url === `file://${bundle}`;
  for (const profile of profiles) {
    const selfMs = new Map<number, number>();
    profile.samples.forEach((id, index) =>
      selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
    );
    const parent = new Map<number, CpuProfile['nodes'][number]>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
    for (const node of profile.nodes) {
      const ms = selfMs.get(node.id) ?? 0;
      if (ms === 0) continue;
      total += ms;
      const frame = node.callFrame;
      // The nearest enclosing module body, if this ran while a module was being loaded.
      let module: string | undefined;
      let topLevel = false;
      for (
        let current: CpuProfile['nodes'][number] | undefined = node;
        current;
        current = parent.get(current.id)
      ) {
        const name = current.callFrame.functionName;
        if (inBundle(current.callFrame.url) && MODULE_PATH.test(name)) {
          module = name;
          break;
        }
        if (
          inBundle(current.callFrame.url) &&
          current.callFrame.lineNumber === 0 &&
          current.callFrame.columnNumber === 0
        ) {
          topLevel = true;
          break;
        }
      }
      if (module) {
        add(byPackage, `load ${packageOf(module, '')}`, ms);
        add(byFunction, `load ${shorten(module)}`, ms);
        continue;
      }
      if (topLevel && inBundle(frame.url) && frame.lineNumber === 0 && frame.columnNumber === 0) {
        // The bundle's own top level: hoisted ES module bodies, told apart by the sampled lines.
        const ticks = node.positionTicks ?? [];
        const tickTotal = ticks.reduce((sum, { ticks: count }) => sum + count, 0) || 1;
        for (const { line, ticks: count } of ticks) {
          const { source } = mapped(line - 1, lineStarts[line - 1] ?? 0);
          add(byPackage, `load ${packageOf(source, '')}`, (ms * count) / tickTotal);
          add(byFunction, `load ${shorten(source)}`, (ms * count) / tickTotal);
        }
        if (ticks.length === 0) add(byPackage, 'load (bundle top level)', ms);
        continue;
      }
      const where = inBundle(frame.url)
        ? mapped(frame.lineNumber, frame.columnNumber)
        : { source: frame.url, line: frame.lineNumber };
      const phase = topLevel ? 'load' : 'run';
      add(byPackage, `${phase} ${packageOf(where.source, frame.functionName)}`, ms);
      add(
        byFunction,
        `${phase} ${frame.functionName || '(anonymous)'} ${shorten(where.source)}:${where.line + 1}`,
        ms,
      );
    }
  }
  return { totalMs: total, byPackage, byFunction, inclusive: inclusiveTimes(profiles, inBundle, mapped) };
}

function inclusiveTimes(
  profiles: readonly CpuProfile[],
  inBundle: (url: string) => boolean,
  mapped: (line: number, column: number) => { source: string; line: number },
): Map<string, number> {
  const inclusive = new Map<string, number>();
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const labels = new Map<number, string | undefined>();
    const labelOf = (id: number) => {
      if (!labels.has(id)) {
        const frame = nodes.get(id)?.callFrame;
        let label: string | undefined;
        if (frame && inBundle(frame.url) && frame.functionName && !MODULE_PATH.test(frame.functionName)) {
          const where = mapped(frame.lineNumber, frame.columnNumber);
          if (INCLUSIVE_OF.test(where.source))
            label = `${frame.functionName} ${shorten(where.source)}:${where.line + 1}`;
        }
        labels.set(id, label);
      }
      return labels.get(id);
    };
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
        const label = labelOf(current);
        if (label && !seen.has(label)) {
          seen.add(label);
          inclusive.set(label, (inclusive.get(label) ?? 0) + ms);
        }
      }
    });
  }
  return inclusive;
}

/** esbuild names a wrapped module's function after the module's path. */
const MODULE_PATH = /^(node_modules\/|src\/|bench\/|schema\.graphql)|\.(m?js|cjs|ts|json)$/;

function packageOf(source: string, functionName: string): string {
  if (!source) return functionName.startsWith('(') ? functionName : '(V8/native)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (match?.[1]) return match[1];
  if (source.startsWith('node:')) return `node:${source.slice(5).split('/')[0] ?? ''}`;
  if (source.includes('schema.graphql')) return 'schema.graphql';
  if (/(^|\/)src\//.test(source)) return 'src (ours)';
  if (/(^|\/)bench\//.test(source)) return 'bench (lower bound)';
  return shorten(source);
}

function shorten(source: string): string {
  return source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
