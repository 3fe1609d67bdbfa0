import type { CartRecord, OrderRecord, PromotionRecord } from '../../../src/datasources/models';
import type { PlaceOrder, PlaceOrderResult } from '../../../src/datasources/orderItems';
import { product } from '../../support/stubContext';

export const CART: CartRecord = { userId: 'alice', items: [{ productId: 'bird', quantity: 2 }], version: 3 };

/**
 * Stand-ins for the four stores checkout uses. `place` answers with the scripted outcomes in turn
 * (then `placed`), and a placed order becomes visible to `getById`, as in DynamoDB; `existing` is
 * an order already stored when checkout starts.
 */
export function stubCheckout(outcomes: PlaceOrderResult[], existing: OrderRecord | null = null) {
  let stored = existing;
  const stores = {
    orders: {
      getById: jest.fn(async () => stored),
      place: jest.fn(async ({ order }: PlaceOrder): Promise<PlaceOrderResult> => {
        const next = outcomes.shift() ?? { outcome: 'placed' };
        if (next.outcome === 'placed') stored = order;
        return next;
      }),
    },
    carts: { getLatest: jest.fn(async () => CART), markChanged: jest.fn() },
    products: {
      getLatestByIds: jest.fn(async () => [product({ id: 'bird', price: 2999, stock: 10 })]),
      markChanged: jest.fn(),
    },
    promotions: { getLatestByCode: jest.fn(async (_code: string): Promise<PromotionRecord | null> => null) },
  };
  return { stores, ...stores, setStored: (order: OrderRecord) => (stored = order) };
}
