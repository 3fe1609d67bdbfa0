import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Cold starts: each sample is a fresh `node` process (bench/coldStartChild.cjs) that loads one
 * handler module and answers one event; its time is process start → response ready, as the
 * process itself measures it. Variants run round-robin, with the order rotated every round, so
 * the machine's noise (other jobs, CPU frequency, page cache) falls on all of them alike.
 */
export interface ColdStartVariant {
  name: string;
  /** A module exporting `handler`, or '--node-only' for the bare Node.js start-up floor. */
  module: string;
}

export interface ColdStartOptions {
  runs: number;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Called with every handler response body; throws if it is not the expected answer. */
  check(variant: string, statusCode: number | undefined, body: string | undefined): void;
  /** Extra node flags for the children (the profiler passes --cpu-prof). */
  execArgv?: string[];
}

const CHILD = path.join(__dirname, 'coldStartChild.cjs');

export async function measureColdStarts(
  variants: readonly ColdStartVariant[],
  options: ColdStartOptions,
): Promise<Record<string, Probe[]>> {
  const samples: Record<string, Probe[]> = Object.fromEntries(variants.map(({ name }) => [name, []]));
  for (let run = 0; run < options.runs; run += 1) {
    for (let slot = 0; slot < variants.length; slot += 1) {
      const variant = variants[(run + slot) % variants.length];
      if (!variant) continue;
      const probe = await runChild(variant.module, options);
      if (variant.module !== '--node-only') options.check(variant.name, probe.statusCode, probe.body);
      samples[variant.name]?.push({
        ms: probe.ms,
        cpuMs: probe.cpuMs,
        ...(probe.loadedMs ? { loadedMs: probe.loadedMs } : {}),
      });
    }
  }
  return samples;
}

export interface Probe {
  /** Process start → response ready. */
  ms: number;
  /** Process start → handler module loaded (its module scope has run). */
  loadedMs?: number;
  /** CPU time the process used until the response was ready (user + system, all threads). */
  cpuMs: number;
  statusCode?: number;
  body?: string;
}

export function runChild(
  module: string,
  options: Pick<ColdStartOptions, 'env' | 'timeoutMs' | 'execArgv'>,
): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), CHILD, module], {
      env: options.env,
      // stdout carries the handler's own log lines; the probe's result comes on fd 3.
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let result = '';
    let stderr = '';
    child.stdout?.resume();
    child.stdio[3]?.on('data', (chunk: Buffer) => (result += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`${module}: exit ${signal ?? code}\n${stderr.slice(0, 2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(result) as Probe);
      } catch {
        reject(new Error(`${module}: unreadable result ${result.slice(0, 500)}\n${stderr.slice(0, 2000)}`));
      }
    });
  });
}
