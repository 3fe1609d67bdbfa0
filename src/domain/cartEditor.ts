import type { StoreContext } from '../graphql/context';
import type { CartChange } from '../datasources/CartStore';
import { VersionConflictError } from '../datasources/errors';
import type { CartRecord } from '../datasources/models';
import { clientError, ErrorCode } from '../shared/errors';
import { backoff } from '../shared/backoff';

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
export async function editCart(
  ctx: StoreContext,
  userId: string,
  change: (current: CartRecord) => CartChange | null,
): Promise<CartRecord> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (attempt > 0) await backoff(attempt, 5, 100);
    const current = await ctx.carts.getLatest(userId);
    const next = change(current);
    if (next === null) return current;
    try {
      return await ctx.carts.save(current, next);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  throw clientError(ErrorCode.Conflict, 'The cart is being changed concurrently; try again');
}
