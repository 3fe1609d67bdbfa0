import { setTimeout as sleep } from 'node:timers/promises';

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a random delay in [0, min(cap, base * 2^attempt)), so competing writers spread out instead of
 * colliding again in lockstep.
 */
export function backoffDelayMs(attempt: number, baseMs = 10, capMs = 200): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export async function backoff(attempt: number, baseMs?: number, capMs?: number): Promise<void> {
  await sleep(backoffDelayMs(attempt, baseMs, capMs));
}
