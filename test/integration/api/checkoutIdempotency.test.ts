import { freshProduct, shopper, useTestApp } from '../../support/fixtures';
import {
  checkoutOk,
  checkoutRequest,
  fillCart,
  newKey,
  ordersOf,
  stockOf,
  storedOrders,
} from '../../support/orders';
import { dataOf, errorCodes } from '../../support/storeApi';

const app = useTestApp();

/** A shopper with 2 units of a fresh product (stock 10) in the cart. */
async function prepare() {
  const buyer = shopper(app);
  const product = await freshProduct(app, 'item', { price: 1500, stock: 10 });
  await fillCart(app, buyer, [[product, 2]]);
  return { buyer, product };
}

describe('checkout with an idempotency key', () => {
  test('sent twice returns the same order and takes the stock once', async () => {
    // Prepare
    const { buyer, product } = await prepare();
    const key = newKey();

    // Act
    const first = await checkoutOk(app, buyer, key);
    const second = await checkoutOk(app, buyer, key);

    // Assess
    expect(second).toEqual(first);
    expect(await stockOf(app, product)).toEqual([8]);
    expect(await storedOrders(app, buyer.userId)).toHaveLength(1);
  });

  test('sent again after the shopper filled the cart anew is CONFLICT and writes nothing', async () => {
    // Prepare
    const { buyer, product } = await prepare();
    const key = newKey();
    const first = await checkoutOk(app, buyer, key);
    await fillCart(app, buyer, [[product, 5]]);
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, key);

    // Assess
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ orderId: first.id });
    expect(await app.snapshot()).toEqual(before);
  });

  test('sent again with the very cart it bought, refilled, returns the first order and buys nothing', async () => {
    // Prepare
    const { buyer, product } = await prepare();
    const key = newKey();
    const first = await checkoutOk(app, buyer, key);
    await fillCart(app, buyer, [[product, 2]]);
    const before = await app.snapshot();

    // Act
    const again = await checkoutOk(app, buyer, key);

    // Assess
    expect(again).toEqual(first);
    expect(await app.snapshot()).toEqual(before);
  });

  test('a new key for the refilled cart places a second order', async () => {
    // Prepare
    const { buyer, product } = await prepare();
    const first = await checkoutOk(app, buyer);
    await fillCart(app, buyer, [[product, 3]]);

    // Act
    const second = await checkoutOk(app, buyer);

    // Assess
    expect(second.id).not.toBe(first.id);
    expect(await stockOf(app, product)).toEqual([5]);
    expect(dataOf(await ordersOf(app, buyer)).orders.nodes.map((order) => order.id)).toEqual([
      second.id,
      first.id,
    ]);
  });

  test('is scoped to the caller: two shoppers using the same key each get their own order', async () => {
    // Prepare
    const alice = await prepare();
    const bob = await prepare();
    const key = 'shared-key';

    // Act
    const aliceOrder = await checkoutOk(app, alice.buyer, key);
    const bobOrder = await checkoutOk(app, bob.buyer, key);

    // Assess
    expect(bobOrder.id).not.toBe(aliceOrder.id);
    expect(bobOrder.items[0]?.productId).toBe(bob.product.id);
    expect(await stockOf(app, alice.product, bob.product)).toEqual([8, 8]);
  });

  test('a key that failed (OUT_OF_STOCK) stays unused and places the order once stock is back', async () => {
    // Prepare
    const { buyer, product } = await prepare();
    const key = newKey();
    await app.putProduct({ ...product, stock: 1 });
    const refused = await checkoutRequest(app, buyer, key);
    await app.putProduct({ ...product, stock: 10 });

    // Act
    const order = await checkoutOk(app, buyer, key);

    // Assess
    expect(errorCodes(refused)).toEqual(['OUT_OF_STOCK']);
    expect(order.items).toEqual([expect.objectContaining({ productId: product.id, quantity: 2 })]);
    expect(await stockOf(app, product)).toEqual([8]);
  });

  test('accepts a key of 128 characters, counted as a reader counts them (emoji included)', async () => {
    // Prepare
    const { buyer } = await prepare();
    const key = `🛒${'é'.repeat(126)}🎁`;

    // Act
    const first = await checkoutOk(app, buyer, key);
    const again = await checkoutOk(app, buyer, key);

    // Assess
    expect(again).toEqual(first);
  });

  test('uses the key verbatim: the same key padded with spaces is another key', async () => {
    // Prepare
    const { buyer } = await prepare();
    await checkoutOk(app, buyer, '🛒 order 7');

    // Act: were the key trimmed, this would replay the order; as another key it finds the cart empty.
    const padded = await checkoutRequest(app, buyer, ' 🛒 order 7 ');

    // Assess
    expect(errorCodes(padded)).toEqual(['BAD_USER_INPUT']);
    expect(padded.body.errors?.[0]?.message).toBe('The cart is empty');
  });
});

describe('checkout refuses a malformed idempotency key and writes nothing', () => {
  test.each([
    ['empty', ''],
    ['blank', '   \t\n '],
    ['129 characters long', 'k'.repeat(129)],
    ['129 emoji long', '🛒'.repeat(129)],
    ['50 000 characters long', 'x'.repeat(50_000)],
  ])('a key that is %s is BAD_USER_INPUT', async (_what, key) => {
    // Prepare
    const { buyer } = await prepare();
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, key);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'idempotencyKey' });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a key of the wrong type is refused by GraphQL validation', async () => {
    // Prepare
    const { buyer } = await prepare();
    const before = await app.snapshot();

    // Act
    const response = await app.graphql(
      { query: 'mutation ($key: String!) { checkout(idempotencyKey: $key) { id } }', variables: { key: 42 } },
      { token: buyer.token },
    );

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });
});
