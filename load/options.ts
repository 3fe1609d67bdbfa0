import { parseArgs } from 'node:util';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios/scenario';

export interface LoadOptions {
  durationSeconds: number;
  connections: number;
  /** In the fixed order browse → shop → hot, whatever order they were asked in. */
  scenarios: ScenarioName[];
}

export const USAGE = `Usage: npm run load -- [--duration <seconds>] [--connections <clients>] [--scenario <name>[,<name>…]]
  --duration     seconds per scenario (default 30; 1..600)
  --connections  concurrent clients (default 50; 1..1000)
  --scenario     ${SCENARIO_NAMES.join(', ')} (default: all; repeatable or comma-separated)`;

/** A command line the tool cannot run: the usage is printed with it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseOptions(argv: readonly string[]): LoadOptions {
  const { values } = parseStrictly(argv);
  const asked = (values.scenario ?? [...SCENARIO_NAMES]).flatMap((value) => value.split(','));
  for (const name of asked) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`Unknown scenario "${name}"; expected ${SCENARIO_NAMES.join(', ')}`);
    }
  }
  return {
    durationSeconds: integer('duration', values.duration, 1, 600),
    connections: integer('connections', values.connections, 1, 1000),
    scenarios: SCENARIO_NAMES.filter((name) => asked.includes(name)),
  };
}

function integer(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be an integer in ${min}..${max}, got "${value}"`);
  }
  return number;
}

function parseStrictly(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        duration: { type: 'string', default: '30' },
        connections: { type: 'string', default: '50' },
        scenario: { type: 'string', multiple: true },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
