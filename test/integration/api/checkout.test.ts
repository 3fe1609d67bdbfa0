import { freshProduct, freshProducts, shopper, useTestApp } from '../../support/fixtures';
import {
  checkoutOk,
  checkoutRequest,
  fillCart,
  newKey,
  removeProduct,
  stockOf,
  storedOrders,
} from '../../support/orders';
import { CART_QUERY, dataOf, errorCodes, type CartData } from '../../support/storeApi';

const app = useTestApp({ promotions: { WELCOME10: 10 } });

/** A shopper with two fresh products in the cart (2 × 2999 and 1 × 1999) and WELCOME10. */
async function prepare() {
  const buyer = shopper(app);
  const { bird, friend } = await freshProducts(app, {
    bird: { name: 'Lonely Bird', price: 2999, stock: 10 },
    friend: { name: 'Solid Friendship', price: 1999, stock: 5 },
  });
  await fillCart(
    app,
    buyer,
    [
      [bird, 2],
      [friend, 1],
    ],
    'welcome10',
  );
  return { buyer, bird, friend };
}

describe('checkout', () => {
  test('places an order priced from the catalogue with the cart’s promotion', async () => {
    // Prepare
    const { buyer, bird, friend } = await prepare();
    const before = Date.now();

    // Act
    const order = await checkoutOk(app, buyer);

    // Assess
    expect(order).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      items: [
        { productId: bird.id, name: 'Lonely Bird', price: 2999, quantity: 2, lineTotal: 5998 },
        { productId: friend.id, name: 'Solid Friendship', price: 1999, quantity: 1, lineTotal: 1999 },
      ],
      promotionCode: 'WELCOME10',
      discountPercentage: 10,
      subtotal: 7997,
      discount: 800,
      total: 7197,
      itemCount: 3,
      status: 'PLACED',
      createdAt: expect.any(String),
    });
    expect(Date.parse(order.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(order.createdAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('takes the units from stock, line by line', async () => {
    // Prepare
    const { buyer, bird, friend } = await prepare();

    // Act
    await checkoutOk(app, buyer);

    // Assess
    expect(await stockOf(app, bird, friend)).toEqual([8, 4]);
  });

  test('empties the cart, promotion code included', async () => {
    // Prepare
    const { buyer } = await prepare();

    // Act
    await checkoutOk(app, buyer);

    // Assess
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token: buyer.token })).cart;
    expect(cart).toMatchObject({ items: [], promotionCode: null, itemCount: 0, total: 0 });
  });

  test('shows what it changed to the rest of the same request: the stock it took and the emptied cart', async () => {
    // Prepare: the mutations run in order, the first reading the product before checkout takes 2.
    const { buyer, bird } = await prepare();
    const query = `mutation {
      before: addToCart(productId: "${bird.id}", quantity: 1) { items { product { id stock isSelected } } }
      checkout(idempotencyKey: "${newKey()}") { itemCount }
      after: addToCart(productId: "${bird.id}", quantity: 1) { items { quantity product { stock isSelected } } }
    }`;

    // Act
    const response = await app.graphql<{
      after: { items: Array<{ quantity: number; product: { stock: number } }> };
    }>({ query }, { token: buyer.token });

    // Assess: checkout bought 3 birds (2 + 1) of 10; the later edit starts from the empty cart.
    expect(dataOf(response).after.items).toEqual([{ quantity: 1, product: { stock: 7, isSelected: true } }]);
  });

  test('charges the price of the moment of purchase: later catalogue edits leave the order alone', async () => {
    // Prepare
    const { buyer, bird } = await prepare();
    await app.putProduct({ ...bird, price: 3999, stock: 10 });

    // Act
    const order = await checkoutOk(app, buyer);
    await app.putProduct({ ...bird, name: 'Renamed Bird', price: 1, stock: 10 });

    // Assess
    expect(order.items[0]).toMatchObject({ name: 'Lonely Bird', price: 3999, lineTotal: 7998 });
    const [stored] = await storedOrders(app, buyer.userId);
    expect(stored?.items[0]).toMatchObject({ name: 'Lonely Bird', price: 3999, lineTotal: 7998 });
  });

  test('buys the lines the cart shows, leaving out a product that left the catalogue', async () => {
    // Prepare
    const { buyer, bird, friend } = await prepare();
    await removeProduct(app, friend);

    // Act
    const order = await checkoutOk(app, buyer);

    // Assess
    expect(order.items.map((item) => item.productId)).toEqual([bird.id]);
    expect(order).toMatchObject({ subtotal: 5998, discount: 600, total: 5398, itemCount: 2 });
  });
});

describe('refused checkouts write nothing', () => {
  test('an empty cart is refused with BAD_USER_INPUT', async () => {
    // Prepare
    const buyer = shopper(app);
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test('a cart emptied by a first checkout is refused on a second checkout with a new key', async () => {
    // Prepare
    const { buyer } = await prepare();
    await checkoutOk(app, buyer);
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });

  test('a cart whose every product left the catalogue is refused with BAD_USER_INPUT', async () => {
    // Prepare
    const buyer = shopper(app);
    const gone = await freshProduct(app, 'gone');
    await fillCart(app, buyer, [[gone, 1]]);
    await removeProduct(app, gone);
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });

  test('an anonymous caller is refused with UNAUTHENTICATED', async () => {
    // Prepare
    await prepare();
    const before = await app.snapshot();

    // Act
    const response = await app.graphql({
      query: 'mutation { checkout(idempotencyKey: "anonymous") { id } }',
    });

    // Assess
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await app.snapshot()).toEqual(before);
  });
});
