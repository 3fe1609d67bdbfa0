import type { RetryClock } from '../../src/shared/retry';

/** Just below 1, the largest value Math.random returns: each backoff is just below its ceiling. */
export const NEARLY_ONE = 0.999999;

/** A RetryClock that never waits, for tests of retry loops. */
export interface FakeClock extends Required<RetryClock> {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[];
  /** Moves the time on, as an attempt that takes `ms` would. */
  advance(ms: number): void;
}

/**
 * Sleeps return at once, are recorded in `sleeps`, and move this clock's time on, so backoffs and
 * time budgets play out without waiting. `random` is the backoff's jitter; by default just below
 * 1, so every backoff is (nearly) as long as it may be and a budget runs out in few attempts.
 */
export function fakeClock({ random = (): number => NEARLY_ONE }: { random?: () => number } = {}): FakeClock {
  let time = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    advance: (ms) => void (time += ms),
    now: () => time,
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
    },
    random,
  };
}
