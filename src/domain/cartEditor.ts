import type { CartChange } from '../datasources/CartStore';
import type { CartRecord } from '../datasources/models';
import { clientError, ErrorCode, VersionConflictError } from '../shared/errors';
import { retry, RETRY, type RetryClock } from '../shared/retry';
import type { Carts } from './ports';

/**
 * Enough for a burst of a few dozen concurrent writes to one cart (each round has one winner,
 * and jittered backoff spreads the rest); beyond it the caller gets CONFLICT and may retry.
 */
const MAX_ATTEMPTS = 30;

/**
 * Read-modify-write of the caller's cart under optimistic concurrency: `change` computes the new
 * content from a strongly consistent read; the write succeeds only if nobody wrote in between,
 * otherwise the whole cycle repeats on fresh data, so no concurrent update is ever lost.
 * `change` validates and may throw, or return null for "nothing to change"; either way nothing is
 * written.
 */
export function editCart(
  carts: Pick<Carts, 'getLatest' | 'save'>,
  userId: string,
  change: (current: CartRecord) => CartChange | null | Promise<CartChange | null>,
  clock?: RetryClock,
): Promise<CartRecord> {
  return retry(
    async () => {
      const current = await carts.getLatest(userId);
      const next = await change(current);
      if (next === null) return current;
      try {
        return await carts.save(current, next);
      } catch (error) {
        if (error instanceof VersionConflictError) return RETRY;
        throw error;
      }
    },
    {
      maxAttempts: MAX_ATTEMPTS,
      baseMs: 5,
      capMs: 100,
      exhausted: () => clientError(ErrorCode.Conflict, 'The cart is being changed concurrently; try again'),
    },
    clock,
  );
}
