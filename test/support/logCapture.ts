import type { ObservabilityConfig } from '../../src/observability/logger';

/** Observability settings for a test about the logs: everything at INFO and above is written. */
export const LOGGING: ObservabilityConfig = { serviceName: 'store-api', logLevel: 'INFO', tracing: false };

export interface LogLine {
  level: string;
  message: string;
  [key: string]: unknown;
}

export interface CapturedLogs {
  /** Everything written to stdout and stderr, verbatim. */
  text: string;
  /** The lines that are JSON objects, parsed. */
  lines: LogLine[];
}

/**
 * Runs `work` while recording what the process writes. Powertools' logger writes to
 * process.stdout / process.stderr through its own Console, so this sees exactly what Lambda would
 * ship to CloudWatch Logs; the writes are swallowed so the test output stays clean.
 */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; logs: CapturedLogs }> {
  const chunks: string[] = [];
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(record);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(record);
  try {
    const result = await work();
    const text = chunks.join('');
    return { result, logs: { text, lines: parseLines(text) } };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

function parseLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The request lines (one per request) among the captured lines. */
export function requestLines(logs: CapturedLogs): LogLine[] {
  return logs.lines.filter((line) => line.message === 'request');
}
