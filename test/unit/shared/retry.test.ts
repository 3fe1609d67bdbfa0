import { retry, RETRY, type RetryPolicy } from '../../../src/shared/retry';
import { fakeClock, NEARLY_ONE } from '../../support/fakeClock';

const GAVE_UP = new Error('gave up');

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { maxAttempts: 10, baseMs: 5, capMs: 100, exhausted: () => GAVE_UP, ...overrides };
}

describe('retry', () => {
  test('returns the first result that is not RETRY, waiting between attempts and never before the first', async () => {
    // Prepare
    const clock = fakeClock();
    const sleepsBefore: number[] = [];
    const attempt = jest.fn(async (attemptNumber: number) => {
      sleepsBefore.push(clock.sleeps.length);
      return attemptNumber < 2 ? RETRY : 'done';
    });

    // Act
    const result = await retry(attempt, policy(), clock);

    // Assess: one sleep before each attempt but the first, and none after the last.
    expect(result).toBe('done');
    expect(sleepsBefore).toEqual([0, 1, 2]);
    expect(clock.sleeps).toHaveLength(2);
  });

  test.each([undefined, null, 0, false, ''])(
    'returns a falsy result (%p) as it is, without retrying',
    async (value) => {
      // Prepare
      const clock = fakeClock();
      const attempt = jest.fn(async () => value);

      // Act
      const result = await retry(attempt, policy(), clock);

      // Assess
      expect(result).toBe(value);
      expect(attempt).toHaveBeenCalledTimes(1);
      expect(clock.sleeps).toEqual([]);
    },
  );

  test('waits a backoff below min(cap, base × 2^n) before attempt n, doubling up to the cap', async () => {
    // Prepare: base 5 ms, cap 100 ms; attempts 1..7 have ceilings 10, 20, 40, 80, then the cap.
    const ceilings = [10, 20, 40, 80, 100, 100, 100];
    const clock = fakeClock({ random: () => NEARLY_ONE });

    // Act
    await retry(async (attemptNumber) => (attemptNumber < 7 ? RETRY : 'done'), policy(), clock);

    // Assess
    expect(clock.sleeps).toHaveLength(ceilings.length);
    ceilings.forEach((ceiling, index) => {
      expect(clock.sleeps[index]).toBeLessThan(ceiling);
      expect(clock.sleeps[index]).toBeGreaterThan(ceiling * 0.999);
    });
  });

  test('waits no time at all when the jitter draws 0', async () => {
    // Prepare
    const clock = fakeClock({ random: () => 0 });

    // Act
    await retry(async (attemptNumber) => (attemptNumber < 3 ? RETRY : 'done'), policy(), clock);

    // Assess
    expect(clock.sleeps).toEqual([0, 0, 0]);
  });

  test('after maxAttempts attempts that all ask to retry, throws what exhausted() returns', async () => {
    // Prepare
    const clock = fakeClock();
    const attempt = jest.fn(async () => RETRY);
    const exhausted = jest.fn(() => GAVE_UP);

    // Act
    const retrying = retry(attempt, policy({ maxAttempts: 3, exhausted }), clock);

    // Assess
    await expect(retrying).rejects.toBe(GAVE_UP);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(exhausted).toHaveBeenCalledTimes(1);
  });

  test('makes no new attempt once the time budget has passed, and throws what exhausted() returns', async () => {
    // Prepare: each attempt takes 30 ms and backoffs take no time, so the budget of 100 ms has
    // passed after the 4th attempt (120 ms).
    const clock = fakeClock({ random: () => 0 });
    const attempt = jest.fn(async () => {
      clock.advance(30);
      return RETRY;
    });

    // Act
    const retrying = retry(attempt, policy({ maxAttempts: undefined, budgetMs: 100 }), clock);

    // Assess
    await expect(retrying).rejects.toBe(GAVE_UP);
    expect(attempt).toHaveBeenCalledTimes(4);
  });

  test('starts no attempt after the time budget, counting the backoff before it', async () => {
    // Prepare: attempts take no time; backoffs just below 10, 20, 40 and 80 ms; budget 100 ms, so
    // the attempt after the 80 ms backoff would start at about 150 ms.
    const clock = fakeClock({ random: () => NEARLY_ONE });
    const startedAt: number[] = [];
    const attempt = jest.fn(async () => {
      startedAt.push(clock.now());
      return RETRY;
    });

    // Act
    const retrying = retry(attempt, policy({ maxAttempts: undefined, budgetMs: 100, baseMs: 5 }), clock);

    // Assess
    await expect(retrying).rejects.toBe(GAVE_UP);
    expect(Math.max(...startedAt)).toBeLessThanOrEqual(100);
    expect(startedAt).toHaveLength(4);
  });

  test.each([
    { bounds: { maxAttempts: 3, budgetMs: 1000 }, attempts: 3, first: 'the attempts' },
    { bounds: { maxAttempts: 10, budgetMs: 100 }, attempts: 4, first: 'the time budget' },
  ])('with both bounds, gives up when the first runs out: $first', async ({ bounds, attempts }) => {
    // Prepare: each attempt takes 30 ms and backoffs take no time (4 attempts pass 100 ms).
    const clock = fakeClock({ random: () => 0 });
    const attempt = jest.fn(async () => {
      clock.advance(30);
      return RETRY;
    });

    // Act
    const retrying = retry(attempt, policy(bounds), clock);

    // Assess
    await expect(retrying).rejects.toBe(GAVE_UP);
    expect(attempt).toHaveBeenCalledTimes(attempts);
  });

  test('stops at once when an attempt throws: no backoff after it, no further attempt, not exhausted', async () => {
    // Prepare
    const clock = fakeClock();
    const failure = new Error('table not found');
    const attempt = jest.fn(async (attemptNumber: number) => {
      if (attemptNumber === 1) throw failure;
      return RETRY;
    });
    const exhausted = jest.fn(() => GAVE_UP);

    // Act
    const retrying = retry(attempt, policy({ exhausted }), clock);

    // Assess
    await expect(retrying).rejects.toBe(failure);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(exhausted).not.toHaveBeenCalled();
  });
});
