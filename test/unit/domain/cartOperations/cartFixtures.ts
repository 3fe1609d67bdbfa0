import type { CartRecord } from '../../../../src/datasources/models';
import { product, promotion, stubStores, type StubData } from '../../../support/stubContext';

/**
 * What the cart operation tests start from. The catalogue: Lonely Bird (2999, stock 100), Rare
 * (500, stock 3) and Scarce (700, stock 1); one promotion, WELCOME10 (10 %).
 */
const CATALOGUE = [
  product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999, stock: 100 }),
  product({ id: 'rare', name: 'Rare', price: 500, stock: 3 }),
  product({ id: 'scarce', name: 'Scarce', price: 700, stock: 1 }),
];
const WELCOME10 = promotion({ code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 });

/** Alice's cart unless a test gives others: 98 birds, written 4 times. */
export const NEARLY_FULL_LINE: CartRecord = {
  userId: 'alice',
  items: [{ productId: 'lonely-bird', quantity: 98 }],
  version: 4,
};

/** The catalogue, the WELCOME10 promotion, and the given carts (`more` replaces any of them). */
export function stores(carts: CartRecord[] = [NEARLY_FULL_LINE], more: StubData = {}) {
  return stubStores({ products: CATALOGUE, promotions: [WELCOME10], carts, ...more });
}

/** A cart of alice's with these lines, at version 7 unless `extra` says otherwise. */
export function aliceCart(items: CartRecord['items'], extra: Partial<CartRecord> = {}): CartRecord {
  return { userId: 'alice', items, version: 7, ...extra };
}
