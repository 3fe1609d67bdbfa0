import type { CartRecord } from '../datasources/models';
import { badUserInput } from '../shared/errors';
import { sha256Hex } from '../shared/hash';

/** Room for a UUID or any client's own scheme; longer keys are more likely garbage than keys. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

/**
 * A key is an opaque client token: used verbatim (never trimmed or case-folded, so two keys the
 * client considers different stay different), but it must say something. Length counts code
 * points, as a reader would count characters.
 */
export function assertIdempotencyKey(key: string): void {
  const length = [...key].length;
  if (key.trim().length === 0 || length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badUserInput(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, not blank`, {
      field: 'idempotencyKey',
    });
  }
}

/**
 * The order id a checkout with this key writes: the same on every retry, from any Lambda
 * instance, at any later time, so the order Put's `attribute_not_exists` turns a second attempt
 * into a lookup. The user id is part of the hash, so the key is scoped to the caller: two users
 * choosing the same key get different orders. JSON encoding keeps the two parts unambiguous
 * (no separator character a user id or key could contain) and encodes lone surrogates exactly.
 * 128 bits of SHA-256: collisions are out of reach, and the id stays short enough to read out.
 */
export function orderIdFor(userId: string, idempotencyKey: string): string {
  return sha256Hex(JSON.stringify(['order', userId, idempotencyKey])).slice(0, 32);
}

/**
 * What the cart held when an order was made from it: its lines (as a set: order does not matter)
 * and its promotion code. A retry of the same checkout finds either this content or the empty
 * cart the checkout left; any other content means the key is being reused for a different cart.
 */
export function cartFingerprint(cart: Pick<CartRecord, 'items' | 'promotionCode'>): string {
  const lines = cart.items
    .map(({ productId, quantity }) => [productId, quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(JSON.stringify({ lines, promotionCode: cart.promotionCode ?? null }));
}
