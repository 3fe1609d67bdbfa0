import type { OrderRecord } from '../../../src/datasources/models';
import { cancelOrder, shipOrder } from '../../../src/domain/orders';
import { fakeClock } from '../../support/fakeClock';
import { refusalOf, stubStores, type StubStores } from '../../support/stubContext';

const PLACED_AT = '2026-11-22T10:00:00.000Z';
const NOW = new Date('2026-11-23T08:30:00.000Z');
const now = () => NOW;

/** Alice's placed order of two lines. */
function placedOrder(overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    userId: 'alice',
    id: 'order-1',
    items: [
      { productId: 'bird', name: 'Bird', price: 2999, quantity: 2, lineTotal: 5998 },
      { productId: 'nest', name: 'Nest', price: 500, quantity: 1, lineTotal: 500 },
    ],
    discountPercentage: 0,
    subtotal: 6498,
    discount: 0,
    total: 6498,
    itemCount: 3,
    status: 'PLACED',
    createdAt: PLACED_AT,
    cartFingerprint: 'fingerprint',
    ...overrides,
  };
}

const NOT_FOUND = { code: 'NOT_FOUND', message: 'No order has that id', details: { field: 'id' } };

/** Makes the store's next `cancel` find `stored` changed by someone else first. */
function loseNextCancelTo(stubs: StubStores, stored: OrderRecord, change: Partial<OrderRecord>) {
  stubs.orders.cancel.mockImplementationOnce(async () => {
    Object.assign(stored, change);
    return { outcome: 'notPlaced' };
  });
}

describe('cancelOrder', () => {
  test('cancels a placed order in one write at the current time and marks every line’s product changed', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });

    // Act
    const cancelled = await cancelOrder(stubs, 'alice', 'order-1', { now, clock: fakeClock() });

    // Assess
    expect(cancelled).toEqual({ ...placedOrder(), status: 'CANCELLED', cancelledAt: NOW.toISOString() });
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(1);
    expect(stubs.orders.cancel).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'alice', id: 'order-1', items: placedOrder().items }),
      // The returned units may take the stock up to what a GraphQL Int holds, no further.
      { cancelledAt: NOW.toISOString(), maxStock: 2_147_483_647 },
    );
    expect(stubs.products.markChanged.mock.calls).toEqual([['bird'], ['nest']]);
  });

  test('an order of another user is NOT_FOUND, read under the caller’s own id, and nothing is written', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });

    // Act
    const refusal = await refusalOf(cancelOrder(stubs, 'bob', 'order-1', { clock: fakeClock() }));

    // Assess
    expect(refusal).toEqual(NOT_FOUND);
    expect(stubs.orders.getById).toHaveBeenCalledWith('bob', 'order-1');
    expect(stubs.orders.cancel).not.toHaveBeenCalled();
  });

  test('a cancelled order is returned as stored, without a write', async () => {
    // Prepare
    const stored = placedOrder({ status: 'CANCELLED', cancelledAt: PLACED_AT });
    const stubs = stubStores({ orders: [stored] });

    // Act
    const answer = await cancelOrder(stubs, 'alice', 'order-1', { now, clock: fakeClock() });

    // Assess
    expect(answer).toEqual(stored);
    expect(stubs.orders.cancel).not.toHaveBeenCalled();
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('a shipped order is BAD_USER_INPUT, without a write', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder({ status: 'SHIPPED', shippedAt: PLACED_AT })] });

    // Act
    const refusal = await refusalOf(cancelOrder(stubs, 'alice', 'order-1', { clock: fakeClock() }));

    // Assess
    expect(refusal).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'This order has shipped and can no longer be cancelled',
      details: { field: 'id' },
    });
    expect(stubs.orders.cancel).not.toHaveBeenCalled();
  });

  test('retries contention on a fresh read after a backoff, then cancels once', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      stubs.orders.cancel.mockResolvedValueOnce({ outcome: 'contention' });
    }
    const clock = fakeClock();

    // Act
    const cancelled = await cancelOrder(stubs, 'alice', 'order-1', { now, clock });

    // Assess
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: NOW.toISOString() });
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(4);
    expect(stubs.orders.getById).toHaveBeenCalledTimes(4);
    expect(clock.sleeps).toHaveLength(3);
    expect(stubs.products.markChanged).toHaveBeenCalledTimes(2);
  });

  test('after losing to a shipment (notPlaced), reads the order again and answers BAD_USER_INPUT', async () => {
    // Prepare
    const stored = placedOrder();
    const stubs = stubStores({ orders: [stored] });
    loseNextCancelTo(stubs, stored, { status: 'SHIPPED', shippedAt: PLACED_AT });

    // Act
    const refusal = await refusalOf(cancelOrder(stubs, 'alice', 'order-1', { now, clock: fakeClock() }));

    // Assess
    expect(refusal.code).toBe('BAD_USER_INPUT');
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(1);
    expect(stubs.orders.getById).toHaveBeenCalledTimes(2);
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('after losing to a twin cancellation, answers the twin’s cancelled order, its time included', async () => {
    // Prepare
    const twinAt = '2026-11-23T08:29:59.000Z';
    const stored = placedOrder();
    const stubs = stubStores({ orders: [stored] });
    loseNextCancelTo(stubs, stored, { status: 'CANCELLED', cancelledAt: twinAt });

    // Act
    const answer = await cancelOrder(stubs, 'alice', 'order-1', { now, clock: fakeClock() });

    // Assess
    expect(answer).toEqual({ ...placedOrder(), status: 'CANCELLED', cancelledAt: twinAt });
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(1);
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('a notPlaced answer for an order still placed is retried like contention', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });
    stubs.orders.cancel
      .mockResolvedValueOnce({ outcome: 'notPlaced' })
      .mockResolvedValueOnce({ outcome: 'contention' });

    // Act
    const cancelled = await cancelOrder(stubs, 'alice', 'order-1', { now, clock: fakeClock() });

    // Assess
    expect(cancelled.status).toBe('CANCELLED');
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(3);
  });

  test('under endless contention gives up after 8 attempts with a retryable CONFLICT, the order untouched', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });
    stubs.orders.cancel.mockResolvedValue({ outcome: 'contention' });
    const clock = fakeClock();

    // Act
    const refusal = await refusalOf(cancelOrder(stubs, 'alice', 'order-1', { now, clock }));

    // Assess
    expect(refusal).toEqual({
      code: 'CONFLICT',
      message: 'The store is too busy to cancel this order now; try again',
      details: { retryable: true },
    });
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(8);
    expect(clock.sleeps).toHaveLength(7);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(250);
    expect(await stubs.orders.getById('alice', 'order-1')).toEqual(placedOrder());
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('an error of the store stops at once: no retry, nothing marked changed', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });
    const failure = new Error('A product of the order was removed outside the API');
    stubs.orders.cancel.mockRejectedValueOnce(failure);

    // Act
    const cancelling = cancelOrder(stubs, 'alice', 'order-1', { now, clock: fakeClock() });

    // Assess
    await expect(cancelling).rejects.toBe(failure);
    expect(stubs.orders.cancel).toHaveBeenCalledTimes(1);
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });
});

describe('shipOrder', () => {
  test('ships a placed order found by its id alone, at the current time', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });

    // Act
    const shipped = await shipOrder(stubs, 'order-1', { now });

    // Assess
    expect(shipped).toEqual({ ...placedOrder(), status: 'SHIPPED', shippedAt: NOW.toISOString() });
    expect(stubs.orders.findKey).toHaveBeenCalledWith('order-1');
    expect(stubs.orders.ship).toHaveBeenCalledWith({ userId: 'alice', id: 'order-1' }, NOW.toISOString());
  });

  test('an id no order has is NOT_FOUND, without a write', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });

    // Act
    const refusal = await refusalOf(shipOrder(stubs, 'order-2', { now }));

    // Assess
    expect(refusal).toEqual(NOT_FOUND);
    expect(stubs.orders.ship).not.toHaveBeenCalled();
  });

  test('an order whose key was found but which is gone when shipped is NOT_FOUND', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder()] });
    stubs.orders.ship.mockResolvedValueOnce({ outcome: 'notPlaced', order: null });

    // Act
    const refusal = await refusalOf(shipOrder(stubs, 'order-1', { now }));

    // Assess
    expect(refusal).toEqual(NOT_FOUND);
  });

  test('a shipped order is returned as it was shipped, its first shippedAt kept', async () => {
    // Prepare
    const stored = placedOrder({ status: 'SHIPPED', shippedAt: PLACED_AT });
    const stubs = stubStores({ orders: [stored] });

    // Act
    const answer = await shipOrder(stubs, 'order-1', { now });

    // Assess
    expect(answer).toEqual(stored);
    expect(answer.shippedAt).toBe(PLACED_AT);
  });

  test('a cancelled order is BAD_USER_INPUT and stays cancelled', async () => {
    // Prepare
    const stubs = stubStores({ orders: [placedOrder({ status: 'CANCELLED', cancelledAt: PLACED_AT })] });

    // Act
    const refusal = await refusalOf(shipOrder(stubs, 'order-1', { now }));

    // Assess
    expect(refusal).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'This order was cancelled and cannot be shipped',
      details: { field: 'id' },
    });
    expect(await stubs.orders.getById('alice', 'order-1')).toMatchObject({ status: 'CANCELLED' });
  });
});
