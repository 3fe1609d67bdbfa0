import type { OrderRecord } from '../../../src/datasources/models';
import type { PlaceOrderResult } from '../../../src/datasources/orderItems';
import { checkout } from '../../../src/domain/checkout';
import { cartFingerprint, orderIdFor } from '../../../src/domain/idempotency';
import { MAX_AMOUNT } from '../../../src/domain/pricing';
import { fakeClock } from '../../support/fakeClock';
import { product, refusalOf } from '../../support/stubContext';
import { CART, stubCheckout } from './checkoutStubs';

/** An order this caller placed earlier with `key`, from the cart CART. */
function placedOrder(key: string): OrderRecord {
  return {
    userId: 'alice',
    id: orderIdFor('alice', key),
    items: [{ productId: 'bird', name: 'Product bird', price: 2999, quantity: 2, lineTotal: 5998 }],
    discountPercentage: 0,
    subtotal: 5998,
    discount: 0,
    total: 5998,
    itemCount: 2,
    status: 'PLACED',
    createdAt: '2026-11-22T10:00:00.000Z',
    cartFingerprint: cartFingerprint(CART),
  };
}

const repeat = (count: number, result: PlaceOrderResult): PlaceOrderResult[] =>
  Array.from({ length: count }, () => result);

describe('checkout retries', () => {
  test('retries contention and moved stock on fresh reads until the transaction commits', async () => {
    // Prepare
    const { stores, orders, carts, products } = stubCheckout([
      ...repeat(3, { outcome: 'contention' }),
      ...repeat(2, { outcome: 'productsChanged', productIds: ['bird'] }),
    ]);

    // Act
    const order = await checkout(stores, 'alice', 'key-1', { clock: fakeClock() });

    // Assess
    expect(order).toMatchObject({ status: 'PLACED', total: 5998 });
    expect(orders.place).toHaveBeenCalledTimes(6);
    expect(carts.getLatest).toHaveBeenCalledTimes(6);
    expect(products.getLatestByIds).toHaveBeenCalledTimes(6);
  });

  test('under endless contention gives up after its time budget with a retryable CONFLICT', async () => {
    // Prepare
    const { stores } = stubCheckout(repeat(10_000, { outcome: 'contention' }));

    // Act
    const placing = checkout(stores, 'alice', 'key-2', { contentionBudgetMs: 100, clock: fakeClock() });

    // Assess
    await expect(placing).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'idempotencyKey', retryable: true },
    });
  });

  test('tolerates a cart that changed 4 times, then buys it', async () => {
    // Prepare
    const { stores, orders } = stubCheckout(repeat(4, { outcome: 'cartChanged' }));

    // Act
    const order = await checkout(stores, 'alice', 'key-3', { clock: fakeClock() });

    // Assess
    expect(order.status).toBe('PLACED');
    expect(orders.place).toHaveBeenCalledTimes(5);
  });

  test('answers CONFLICT when the cart changed under it 5 times', async () => {
    // Prepare
    const { stores, orders } = stubCheckout(repeat(5, { outcome: 'cartChanged' }));

    // Act
    const placing = checkout(stores, 'alice', 'key-4', { clock: fakeClock() });

    // Assess
    await expect(placing).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(orders.place).toHaveBeenCalledTimes(5);
  });

  test('returns the order a checkout with the same key already placed, placing nothing again', async () => {
    // Prepare: a retry of a checkout whose response was lost; the cart is still the one it bought.
    const earlier = placedOrder('key-8');
    const { stores, orders, products } = stubCheckout([], earlier);

    // Act
    const order = await checkout(stores, 'alice', 'key-8', { clock: fakeClock() });

    // Assess
    expect(order).toBe(earlier);
    expect(orders.place).not.toHaveBeenCalled();
    expect(products.getLatestByIds).not.toHaveBeenCalled();
  });

  test('returns the order of a concurrent twin with the same key that committed first', async () => {
    // Prepare
    const twin = placedOrder('key-5');
    const stub = stubCheckout([]);
    stub.orders.place.mockImplementationOnce(async () => {
      stub.setStored(twin);
      return { outcome: 'orderExists' };
    });

    // Act
    const order = await checkout(stub.stores, 'alice', 'key-5', { clock: fakeClock() });

    // Assess
    expect(order).toBe(twin);
  });

  test('finds the twin’s order when it committed between the order lookup and the cart read', async () => {
    // Prepare: the lookup misses the order, then the cart reads as the twin left it: empty.
    const twin = placedOrder('key-7');
    const stub = stubCheckout([]);
    stub.orders.getById.mockResolvedValueOnce(null).mockResolvedValueOnce(twin);
    stub.carts.getLatest.mockResolvedValueOnce({ userId: 'alice', items: [], version: 4 });

    // Act
    const order = await checkout(stub.stores, 'alice', 'key-7', { clock: fakeClock() });

    // Assess
    expect(order).toBe(twin);
    expect(stub.orders.place).not.toHaveBeenCalled();
  });

  test('answers CONFLICT when the twin with the same key bought a different cart', async () => {
    // Prepare
    const stub = stubCheckout([]);
    stub.orders.place.mockImplementationOnce(async ({ order }) => {
      stub.setStored({ ...order, cartFingerprint: 'another cart' });
      return { outcome: 'orderExists' };
    });

    // Act
    const placing = checkout(stub.stores, 'alice', 'key-6', { clock: fakeClock() });

    // Assess
    await expect(placing).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test.each([
    ['empty', ''],
    ['blank', ' \t '],
    ['129 characters long', 'k'.repeat(129)],
  ])('refuses a key that is %s before reading anything', async (_what, key) => {
    // Prepare
    const { stores, orders, carts } = stubCheckout([]);

    // Act
    const placing = checkout(stores, 'alice', key, { clock: fakeClock() });

    // Assess
    await expect(placing).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(orders.getById).not.toHaveBeenCalled();
    expect(carts.getLatest).not.toHaveBeenCalled();
  });

  test('refuses a cart whose products were repriced past the largest Int amount and places no order', async () => {
    // Prepare: the cart holds 2 birds; a bird now costs the largest Int amount.
    const { stores, orders } = stubCheckout([]);
    stores.products.getLatestByIds.mockResolvedValue([product({ id: 'bird', price: MAX_AMOUNT, stock: 10 })]);

    // Act
    const placing = checkout(stores, 'alice', 'key-7', { clock: fakeClock() });

    // Assess
    expect(await refusalOf(placing)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The cart would cost more than 2147483647 cents, the largest amount there can be',
      details: { field: 'cart' },
    });
    expect(orders.place).not.toHaveBeenCalled();
  });
});

describe('orderIdFor', () => {
  test('gives the same id for the same caller and key, every time', () => {
    expect(orderIdFor('alice', 'k')).toBe(orderIdFor('alice', 'k'));
    expect(orderIdFor('alice', 'k')).toMatch(/^[0-9a-f]{32}$/);
  });

  test('scopes the key to the caller, and cannot be fooled by moving characters across the boundary', () => {
    expect(orderIdFor('alice', 'k')).not.toBe(orderIdFor('bob', 'k'));
    expect(orderIdFor('a', 'b\u0000c')).not.toBe(orderIdFor('a\u0000b', 'c'));
    expect(orderIdFor('a', '\uD800')).not.toBe(orderIdFor('a', '\uFFFD'));
  });
});

describe('cartFingerprint', () => {
  const a = { productId: 'a', quantity: 1 };
  const b = { productId: 'b', quantity: 2 };
  const lines = [a, b];

  test('ignores the order of the lines', () => {
    expect(cartFingerprint({ items: lines })).toBe(cartFingerprint({ items: [...lines].reverse() }));
  });

  test('tells apart quantities and promotion codes', () => {
    const base = cartFingerprint({ items: lines });
    expect(cartFingerprint({ items: [a, { ...b, quantity: 3 }] })).not.toBe(base);
    expect(cartFingerprint({ items: lines, promotionCode: 'WELCOME10' })).not.toBe(base);
  });
});
