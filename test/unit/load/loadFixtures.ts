import type { OrderRecord, ProductRecord, PromotionRecord } from '../../../src/datasources/models';
import type { DatabaseState } from '../../../load/database';
import type { InvariantResult } from '../../../load/invariants';

/** Hand-made tables for the tests of the load test's invariant checker (load/invariants.ts). */

export function product(id: string, stock: number, price = 1000): ProductRecord {
  return {
    id,
    name: id,
    code: id.toUpperCase(),
    price,
    stock,
    commentCount: 0,
    ratingSum: 0,
    ratingCount: 0,
    archived: false,
    categories: [],
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

/** An order of `quantity` units of `productId` at 1000 cents with WELCOME10, priced as the API prices it. */
export function order(
  id: string,
  productId: string,
  quantity: number,
  overrides: Partial<OrderRecord> = {},
): OrderRecord {
  const subtotal = 1000 * quantity;
  const discount = Math.floor((subtotal * 10 + 50) / 100);
  return {
    userId: 'alice',
    id,
    items: [{ productId, name: productId, price: 1000, quantity, lineTotal: subtotal }],
    promotionCode: 'WELCOME10',
    discountPercentage: 10,
    subtotal,
    discount,
    total: subtotal - discount,
    itemCount: quantity,
    status: 'PLACED',
    createdAt: '2026-11-21T10:00:00.000Z',
    cartFingerprint: 'fingerprint',
    ...overrides,
  };
}

export const PROMOTIONS: readonly PromotionRecord[] = [
  { code: 'WELCOME10', kind: 'PERCENTAGE', value: 10, timesUsed: 0, active: true },
  {
    code: 'FIVEOFF',
    kind: 'FIXED_AMOUNT',
    value: 500,
    minimumSubtotal: 3000,
    timesUsed: 0,
    active: true,
  },
];

/**
 * Two products and the two promotions; unless `overrides` gives the promotions, each one's
 * `timesUsed` counts the live (placed or shipped) orders naming it, as the API keeps it.
 */
export function state(overrides: Partial<DatabaseState> = {}): DatabaseState {
  const live = (overrides.orders ?? []).filter((o) => o.status !== 'CANCELLED');
  return {
    products: [product('mug', 10), product('lamp', 5)],
    orders: [],
    carts: [],
    comments: [],
    ratings: [],
    promotions: PROMOTIONS.map((promotion) => ({
      ...promotion,
      timesUsed: live.filter((o) => o.promotionCode === promotion.code).length,
    })),
    ...overrides,
  };
}

/** The broken invariants' first violations, by invariant. */
export function broken(results: InvariantResult[]): Record<string, string[]> {
  return Object.fromEntries(results.filter((r) => !r.ok).map((r) => [r.name, r.examples]));
}
