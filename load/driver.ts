import autocannon, { type Result } from 'autocannon';
import type { ScenarioPlan } from './scenarios/scenario';

export interface LoadShape {
  durationSeconds: number;
  connections: number;
}

/**
 * A ceiling far above what one machine's runtime answers (a few thousand requests per second):
 * it bounds the run by request count too, should a broken server answer instantly.
 */
const MAX_REQUESTS_PER_SECOND = 5000;
/** Per request; a timeout counts as an unexpected error. */
const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Drives `url` with autocannon: `connections` virtual clients, each one keep-alive connection
 * sending its own sequence (one request in flight per client, as a browser tab does), for
 * `durationSeconds`. Each client's sequence is installed in `setupClient`, which autocannon calls
 * once per client, so every client has its own user and session.
 */
export async function drive(url: string, plan: ScenarioPlan, shape: LoadShape): Promise<Result> {
  assertLoopback(url);
  let clients = 0;
  const run = new Promise<Result>((resolve, reject) => {
    autocannon(
      {
        url,
        connections: shape.connections,
        duration: shape.durationSeconds,
        maxOverallRequests: shape.durationSeconds * MAX_REQUESTS_PER_SECOND,
        timeout: REQUEST_TIMEOUT_SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupClient: (client) => client.setRequests(plan.sequenceFor(clients++)),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  plan.background?.start();
  try {
    return await run;
  } finally {
    await plan.background?.stop();
  }
}

/** The load test must never be pointed at anything but this machine. */
function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!['127.0.0.1', '[::1]', 'localhost'].includes(hostname)) {
    throw new Error(`Refusing to load ${url}: the load test drives loopback addresses only`);
  }
}
