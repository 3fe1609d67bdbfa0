import os from 'node:os';
import type { InvariantResult } from './invariants';
import type { OrderFigures } from './orderInvariants';
import type { ExpectedByOperation } from './recorder';
import { OUTCOMES } from './scenarios/orderLifecycle';
import type { ScenarioName } from './scenarios/scenario';

/** One scenario's outcome, as printed and as written to load/results.json. */
export interface ScenarioReport {
  scenario: ScenarioName;
  summary: string;
  durationSeconds: number;
  connections: number;
  /** Responses received (autocannon drops requests still in flight when the time is up). */
  requests: number;
  throughputPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
  errorsByCode: Record<string, number>;
  errorsByOperation: Record<string, number>;
  operations: Record<string, number>;
  expectedCodes: readonly string[];
  expectedByOperation: ExpectedByOperation;
  /** Connection errors and timeouts (autocannon's `errors` include the timeouts). */
  transport: { errors: number; timeouts: number };
  /** Everything that fails the run: unexpected codes, non-2xx, anomalies, transport errors. */
  unexpected: string[];
  /** From the tables: the orders the scenario placed, and what became of them. */
  orders: OrderFigures;
  /** From the answers: cancellations and shipments, and the losers of their races. */
  outcomes: Record<string, number>;
  restockedUnits: number;
  invariants: InvariantResult[];
  ok: boolean;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  loadAverage: number[];
}

export interface RunReport {
  startedAt: string;
  machine: Machine;
  options: { durationSeconds: number; connections: number; scenarios: readonly ScenarioName[] };
  scenarios: ScenarioReport[];
  ok: boolean;
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export function machineLine({ cpu, cores, memoryGiB, os: system, node }: Machine): string {
  return `${cpu}, ${cores} cores, ${memoryGiB} GiB, ${system}, Node ${node}`;
}

/** A Markdown table per scenario: pasteable into load/README.md as it is. */
export function scenarioTable(report: ScenarioReport): string {
  const { latencyMs: latency } = report;
  const rows: Array<[string, string]> = [
    ['requests', `${int(report.requests)} (${statuses(report.statusCodes)})`],
    ['throughput', `${int(report.throughputPerSecond)} req/s`],
    [
      'latency p50 / p90 / p99 / max',
      `${ms(latency.p50)} / ${ms(latency.p90)} / ${ms(latency.p99)} / ${ms(latency.max)}`,
    ],
    ['errors by code', counts(report.errorsByCode)],
    ['unexpected', report.unexpected.length === 0 ? 'none' : report.unexpected.join(', ')],
    ['orders placed (units)', `${int(report.orders.placed)} (${int(report.orders.units)})`],
    [
      'of which cancelled / shipped / still placed',
      `${int(report.orders.cancelled)} / ${int(report.orders.shipped)} / ${int(stillPlaced(report))}`,
    ],
    ['units in live orders (ordered − cancelled)', int(report.orders.liveUnits)],
    ['cancel and ship answers', counts(report.outcomes)],
    ...(report.restockedUnits > 0
      ? [['restocked during the run', `${report.restockedUnits} units`] as [string, string]]
      : []),
    ...report.invariants.map(
      ({ name, ok, violationCount, examples }) =>
        [name, ok ? 'ok' : `**BROKEN** ×${violationCount}: ${examples.join('; ')}`] as [string, string],
    ),
  ];
  const title =
    `**${report.scenario}** — ${report.summary}; ${report.durationSeconds} s, ` +
    `${report.connections} clients: ${report.ok ? 'pass' : '**FAIL**'}`;
  return [
    title,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${escape(v)} |`),
  ].join('\n');
}

/** One row per scenario, for load/README.md's results. */
export function summaryTable(reports: readonly ScenarioReport[]): string {
  const header = [
    '| scenario | clients | requests | req/s | p50 | p90 | p99 | max | errors by code | orders (cancelled / shipped) | races lost (cancel / ship) | invariants |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |',
  ];
  const rows = reports.map((r) => {
    const held = r.invariants.filter((i) => i.ok).length;
    const cells = [
      r.scenario,
      String(r.connections),
      int(r.requests),
      int(r.throughputPerSecond),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p90),
      ms(r.latencyMs.p99),
      ms(r.latencyMs.max),
      counts(r.errorsByCode),
      `${int(r.orders.placed)} (${int(r.orders.cancelled)} / ${int(r.orders.shipped)})`,
      `${int(r.outcomes[OUTCOMES.cancelLost] ?? 0)} / ${int(r.outcomes[OUTCOMES.shipLost] ?? 0)}`,
      `${held}/${r.invariants.length} hold${r.unexpected.length ? `, unexpected: ${r.unexpected.join(', ')}` : ''}`,
    ];
    return `| ${cells.map(escape).join(' | ')} |`;
  });
  return [...header, ...rows].join('\n');
}

function stillPlaced({ orders }: ScenarioReport): number {
  return orders.placed - orders.cancelled - orders.shipped;
}

function statuses(codes: Record<string, number>): string {
  return Object.entries(codes)
    .map(([status, count]) => `${status}: ${int(count)}`)
    .join(', ');
}

function counts(byCode: Record<string, number>): string {
  const entries = Object.entries(byCode).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? 'none' : entries.map(([code, count]) => `${code} ${int(count)}`).join(', ');
}

function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function escape(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}
