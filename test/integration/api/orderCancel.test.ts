import { freshProduct, shopper, staffMember, useTestApp } from '../../support/fixtures';
import { cancelOk, cancelRequest, shipOk } from '../../support/orderLifecycle';
import { checkoutOk, fillCart, stockOf } from '../../support/orders';
import { errorCodes } from '../../support/storeApi';

const app = useTestApp();

describe('cancelOrder', () => {
  test('cancels a placed order and returns its units to stock', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'cancelled', { stock: 10 });
    await fillCart(app, buyer, [[product, 3]]);
    const order = await checkoutOk(app, buyer);

    // Act
    const cancelled = await cancelOk(app, buyer, order.id);

    // Assess
    expect(cancelled).toMatchObject({ id: order.id, status: 'CANCELLED', shippedAt: null });
    expect(cancelled.cancelledAt).toEqual(expect.any(String));
    expect(await stockOf(app, product)).toEqual([10]);
  });

  test('cancelling twice returns the cancelled order and returns the stock once', async () => {
    const buyer = shopper(app);
    const product = await freshProduct(app, 'twice', { stock: 10 });
    await fillCart(app, buyer, [[product, 4]]);
    const order = await checkoutOk(app, buyer);

    const first = await cancelOk(app, buyer, order.id);
    const second = await cancelOk(app, buyer, order.id);

    expect(second).toEqual(first);
    expect(await stockOf(app, product)).toEqual([10]);
  });

  test('a shipped order is BAD_USER_INPUT, someone else order NOT_FOUND', async () => {
    const buyer = shopper(app);
    const product = await freshProduct(app, 'shipped', { stock: 10 });
    await fillCart(app, buyer, [[product, 2]]);
    const order = await checkoutOk(app, buyer);
    const other = await cancelRequest(app, shopper(app, 'Other'), order.id);
    await shipOk(app, staffMember(app), order.id);

    const response = await cancelRequest(app, buyer, order.id);

    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await stockOf(app, product)).toEqual([8]);
  });
});
