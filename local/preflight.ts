import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type Server as NetServer } from 'node:net';
import { dirname } from 'node:path';
import { runningStartPid } from './localState';

/**
 * The checks `npm start` makes before it starts anything (local/java.ts checks Java), each
 * failing with one sentence that says what to do.
 */
export class PreflightError extends Error {
  override name = 'PreflightError';
}

/**
 * Takes the state folder for this process (writes the runtime file `npm run reset` reads), or
 * refuses if another live `npm start` holds it.
 */
export function claimStateFolder(runtimeFile: string, root: string): void {
  const pid = runningStartPid(runtimeFile);
  if (pid !== null && pid !== process.pid) {
    throw new PreflightError(
      `Another npm start (pid ${pid}) is using ${root}: stop it first, or give this one its own ` +
        'folder with LOCAL_STATE_DIR.',
    );
  }
  mkdirSync(dirname(runtimeFile), { recursive: true });
  writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid }));
}

/**
 * Listens with `newServer()`'s servers on `port` of 127.0.0.1 and, where the machine has IPv6,
 * of ::1 too: "localhost" resolves to either depending on the client, and nothing here should be
 * reachable from other machines. Done first, so a taken port is reported before anything starts,
 * and held from then on, so nothing can take it while DynamoDB Local starts. Each server bound
 * goes to `bound` at once, for the caller to close even if a later one fails.
 */
export async function listenOnLoopback(
  port: number,
  newServer: () => Server,
  bound: Server[],
): Promise<void> {
  for (const host of ['127.0.0.1', '::1']) {
    const server = newServer();
    try {
      await listen(server, port, host);
      bound.push(server);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
      if (code === 'EADDRINUSE' || code === 'EACCES') throw portUnavailable(port, host, 'PORT', code);
      throw error;
    }
  }
}

/** The port in environment variable `variable`: `fallback` if unset; 0 only if `zeroPicksOne`. */
export function portFromEnv(variable: string, fallback: number, zeroPicksOne = false): number {
  const value = process.env[variable];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < (zeroPicksOne ? 0 : 1) || port > 65535) {
    throw new PreflightError(
      `${variable}=${value} is not a port: set it to a whole number from ${zeroPicksOne ? 0 : 1} to 65535, ` +
        `or unset it (default ${fallback}).`,
    );
  }
  return port;
}

/** For a port another program is to listen on (DynamoDB Local's): free on 127.0.0.1 right now. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  const probe = createServer();
  try {
    await listen(probe, port, '127.0.0.1');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw portUnavailable(port, '127.0.0.1', variable, code);
    throw error;
  } finally {
    if (probe.listening) {
      probe.close();
      await once(probe, 'close');
    }
  }
}

/** Whether this process could listen on the loopback port now. */
export async function isPortFree(port: number): Promise<boolean> {
  return assertPortFree(port, '').then(
    () => true,
    () => false,
  );
}

async function listen(server: NetServer, port: number, host: string): Promise<void> {
  server.listen({ port, host, exclusive: true });
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
}

function portUnavailable(port: number, host: string, variable: string, code: string): PreflightError {
  if (code === 'EACCES') {
    return new PreflightError(
      `Port ${port} (${variable}=${port}) needs privileges on ${host}: choose one above 1023, ` +
        `e.g. ${variable}=4000.`,
    );
  }
  const instead =
    variable === 'PORT'
      ? `choose another port, e.g. PORT=${port < 65535 ? port + 1 : 4000} npm start`
      : `unset ${variable} so that npm start picks a free port`;
  return new PreflightError(
    `Port ${port} (${variable}=${port}) is already in use on ${host}: stop the program that ` +
      `listens there, or ${instead}.`,
  );
}
