import { setTimeout as sleepFor } from 'node:timers/promises';

/** Returned by an attempt that should be tried again (after a backoff). */
export const RETRY = Symbol('retry');

/**
 * `maxAttempts`: no more attempts than this, the first included. `budgetMs`: no attempt starts
 * later than this after the first one started, counting the backoff before it. At least one.
 */
type RetryBound = { maxAttempts: number; budgetMs?: number } | { maxAttempts?: number; budgetMs: number };

export type RetryPolicy = RetryBound & {
  /** The backoff before attempt n (n ≥ 1) is random in [0, min(capMs, baseMs × 2^n)). */
  baseMs: number;
  capMs: number;
  /** What to throw when the attempts or the budget run out. */
  exhausted: () => Error;
};

/** Injectable so unit tests neither wait nor depend on the clock. */
export interface RetryClock {
  sleep?: (ms: number) => Promise<unknown>;
  now?: () => number;
  random?: () => number;
}

/**
 * The one retry loop: runs `attempt(0)`, `attempt(1)`, … until one returns something other than
 * RETRY, waiting a "full jitter" exponential backoff between attempts (AWS Architecture Blog,
 * "Exponential Backoff and Jitter"), so competing writers spread out instead of colliding again in
 * lockstep. Bounded by attempts, by time, or both; an attempt may also throw to stop at once.
 */
export async function retry<T>(
  attempt: (attemptNumber: number) => Promise<T | typeof RETRY>,
  policy: RetryPolicy,
  { sleep = sleepFor, now = Date.now, random = Math.random }: RetryClock = {},
): Promise<T> {
  const started = now();
  for (let attemptNumber = 0; ; attemptNumber += 1) {
    if (attemptNumber > 0) {
      const delay = random() * Math.min(policy.capMs, policy.baseMs * 2 ** attemptNumber);
      const outOfAttempts = policy.maxAttempts !== undefined && attemptNumber >= policy.maxAttempts;
      // Measured at the end of the backoff, so no attempt starts after the budget.
      const outOfTime = policy.budgetMs !== undefined && now() + delay - started > policy.budgetMs;
      if (outOfAttempts || outOfTime) throw policy.exhausted();
      await sleep(delay);
    }
    const result = await attempt(attemptNumber);
    if (result !== RETRY) return result;
  }
}
