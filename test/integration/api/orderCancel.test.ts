import { freshProduct, freshProducts, shopper, staffMember, useTestApp } from '../../support/fixtures';
import {
  cancelOk,
  cancelRequest,
  myOrders,
  placeOrder,
  promotionCodeFor,
  shipOk,
  storedOrder,
  timesUsedOf,
  UNKNOWN_ORDER_IDS,
} from '../../support/orderLifecycle';
import { checkoutOk, fillCart, stockOf } from '../../support/orders';
import { createPromotionOk, UPDATE_PROMOTION } from '../../support/promotions';
import { APPLY_PROMOTION, dataOf, errorCodes, type ApplyPromotionData } from '../../support/storeApi';

const app = useTestApp();

/** A percentage code created by staff, with `usageLimit` uses when given. */
async function limitedCode(usageLimit: number | null): Promise<string> {
  const code = promotionCodeFor('cancel');
  await createPromotionOk(app, staffMember(app).token, { code, kind: 'PERCENTAGE', value: 10, usageLimit });
  return code;
}

function applyCode(token: string, code: string) {
  return app.graphql<ApplyPromotionData>({ query: APPLY_PROMOTION, variables: { code } }, { token });
}

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

  test('a multi-line order returns exactly each line’s units to its own product, and no other', async () => {
    // Prepare
    const { bird, nest, seed, bystander } = await freshProducts(app, {
      bird: { stock: 10 },
      nest: { stock: 7 },
      seed: { stock: 99 },
      bystander: { stock: 5 },
    });
    const buyer = shopper(app);
    const order = await placeOrder(app, buyer, [
      [bird, 1],
      [nest, 7],
      [seed, 42],
    ]);
    const charged = await stockOf(app, bird, nest, seed, bystander);

    // Act
    const cancelled = await cancelOk(app, buyer, order.id);

    // Assess
    expect(charged).toEqual([9, 0, 57, 5]);
    expect(await stockOf(app, bird, nest, seed, bystander)).toEqual([10, 7, 99, 5]);
    expect(cancelled.items).toEqual(order.items);
    expect(cancelled).toMatchObject({ total: order.total, itemCount: 50, customerId: buyer.userId });
  });

  test('sets cancelledAt to the time of cancelling, leaves shippedAt null, and `orders` shows it', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'timed', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 1]]);
    const whilePlaced = await myOrders(app, buyer);
    const before = new Date().toISOString();

    // Act
    const cancelled = await cancelOk(app, buyer, order.id);

    // Assess
    const after = new Date().toISOString();
    expect(whilePlaced).toEqual([
      { ...order, status: 'PLACED', cancelledAt: null, shippedAt: null, customerId: buyer.userId },
    ]);
    expect(cancelled).toEqual({ ...whilePlaced[0], status: 'CANCELLED', cancelledAt: expect.any(String) });
    const cancelledAt = String(cancelled.cancelledAt);
    expect(cancelledAt >= before && cancelledAt <= after).toBe(true);
    expect(await myOrders(app, buyer)).toEqual([cancelled]);
    expect(await storedOrder(app, buyer.userId, order.id)).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: cancelled.cancelledAt,
    });
  });

  test.each([
    { limit: null, what: 'without a usage limit' },
    { limit: 5, what: 'with a usage limit' },
  ])('gives back the use of a code $what, once however often it is cancelled', async ({ limit }) => {
    // Prepare
    const code = await limitedCode(limit);
    const buyer = shopper(app);
    const product = await freshProduct(app, 'coded', { stock: 10, price: 1000 });
    const order = await placeOrder(app, buyer, [[product, 2]], code);
    const usedByOrder = await timesUsedOf(app, code);

    // Act
    await cancelOk(app, buyer, order.id);
    await cancelOk(app, buyer, order.id);

    // Assess
    expect(order).toMatchObject({ promotionCode: code, discount: 200 });
    expect(usedByOrder).toBe(1);
    expect(await timesUsedOf(app, code)).toBe(0);
  });

  test('a code used up by an order can be used again once that order is cancelled', async () => {
    // Prepare: the code's only use taken by the first buyer's order.
    const code = await limitedCode(1);
    const product = await freshProduct(app, 'scarce-code', { stock: 10, price: 1000 });
    const first = shopper(app, 'First');
    const order = await placeOrder(app, first, [[product, 1]], code);
    const second = shopper(app, 'Second');
    await fillCart(app, second, [[product, 1]]);
    const refused = await applyCode(second.token, code);

    // Act
    await cancelOk(app, first, order.id);
    const applied = dataOf(await applyCode(second.token, code)).applyPromotionCode;
    const reused = await checkoutOk(app, second);

    // Assess
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(applied).toMatchObject({ promotionCode: code, discount: 100 });
    expect(reused).toMatchObject({ promotionCode: code, discount: 100, total: 900 });
    expect(await timesUsedOf(app, code)).toBe(1);
  });

  test('returns units to a product archived since and the use of a code deactivated since', async () => {
    // Prepare
    const staff = staffMember(app);
    const code = await limitedCode(2);
    const buyer = shopper(app);
    const product = await freshProduct(app, 'archived', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 6]], code);
    const changes = await Promise.all([
      app.graphql(
        { query: `mutation { archiveProduct(id: "${product.id}") { archived } }` },
        { token: staff.token },
      ),
      app.graphql(
        { query: UPDATE_PROMOTION, variables: { code, input: { active: false } } },
        { token: staff.token },
      ),
    ]);

    // Act
    const cancelled = await cancelOk(app, buyer, order.id);

    // Assess
    expect(changes.map(errorCodes)).toEqual([[], []]);
    expect(cancelled.status).toBe('CANCELLED');
    expect(await stockOf(app, product)).toEqual([10]);
    expect(await timesUsedOf(app, code)).toBe(0);
  });

  test('a shipped order keeps its stock taken and its code used: BAD_USER_INPUT, nothing written', async () => {
    // Prepare
    const code = await limitedCode(3);
    const buyer = shopper(app);
    const product = await freshProduct(app, 'gone', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 4]], code);
    const shipped = await shipOk(app, staffMember(app), order.id);
    const before = await app.snapshot();

    // Act
    const response = await cancelRequest(app, buyer, order.id);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'id' });
    expect(await app.snapshot()).toEqual(before);
    expect(await myOrders(app, buyer)).toEqual([shipped]);
    expect(await stockOf(app, product)).toEqual([6]);
    expect(await timesUsedOf(app, code)).toBe(1);
  });

  test.each([
    { who: 'another shopper', caller: () => shopper(app, 'Stranger') },
    { who: 'staff (who cancel only their own orders)', caller: () => staffMember(app) },
  ])('$who cancelling a shopper’s order is NOT_FOUND and changes nothing', async ({ caller }) => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'not-yours', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 3]]);
    const before = await app.snapshot();

    // Act
    const response = await cancelRequest(app, caller(), order.id);

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
    expect((await myOrders(app, buyer)).map((mine) => mine.status)).toEqual(['PLACED']);
  });

  test.each(UNKNOWN_ORDER_IDS)('an id that is %s is NOT_FOUND and changes nothing', async (_what, id) => {
    // Prepare: the caller has an order, so there is something that must not change.
    const buyer = shopper(app);
    const product = await freshProduct(app, 'garbage', { stock: 10 });
    await placeOrder(app, buyer, [[product, 1]]);
    const before = await app.snapshot();

    // Act
    const response = await cancelRequest(app, buyer, id);

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(await app.snapshot()).toEqual(before);
  });

  test('an anonymous caller is UNAUTHENTICATED and changes nothing', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'anonymous', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 1]]);
    const before = await app.snapshot();

    // Act
    const response = await app.graphql({
      query: 'mutation Cancel($id: ID!) { cancelOrder(id: $id) { id status } }',
      variables: { id: order.id },
    });

    // Assess
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await app.snapshot()).toEqual(before);
  });

  test('its cost bounds the DynamoDB calls an uncontended cancellation makes', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'costed', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 2]], await limitedCode(null));

    // Act
    const response = await cancelRequest(app, buyer, order.id);

    // Assess
    expect(errorCodes(response)).toEqual([]);
    const cost = response.body.extensions?.cost as { requested: number; dynamoDbCalls: number };
    expect(cost.dynamoDbCalls).toBeGreaterThan(0);
    expect(cost.requested).toBeGreaterThanOrEqual(cost.dynamoDbCalls);
  });
});
