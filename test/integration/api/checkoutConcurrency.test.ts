import { checkout } from '../../../src/domain/checkout';
import { freshProduct, shopper, type Shopper, useTestApp } from '../../support/fixtures';
import {
  checkoutRequest,
  count,
  fillCart,
  newKey,
  outcomeOf,
  recordPlacements,
  stockOf,
  storeContext,
  storedOrders,
} from '../../support/orders';
import {
  ADD_TO_CART,
  addToCartOk,
  CART_QUERY,
  cartLines,
  dataOf,
  errorCodes,
  type AddToCartData,
  type CartData,
} from '../../support/storeApi';

const app = useTestApp();

afterEach(() => jest.restoreAllMocks());

describe('concurrent checkouts', () => {
  test('the same key sent 10 times at once places one order, returned to all 10, and takes stock once', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'once', { stock: 20 });
    await fillCart(app, buyer, [[product, 3]]);
    const key = newKey();
    const placements = recordPlacements();

    // Act
    const responses = await Promise.all(Array.from({ length: 10 }, () => checkoutRequest(app, buyer, key)));

    // Assess
    const ids = responses.map((response) => dataOf(response).checkout.id);
    expect(new Set(ids).size).toBe(1);
    expect(await storedOrders(app, buyer.userId)).toHaveLength(1);
    expect(await stockOf(app, product)).toEqual([17]);
    expect(count(placements, 'placed')).toBe(1);
  });

  test.each([
    { buyers: 30, stock: 25, quantity: 2 },
    { buyers: 30, stock: 30, quantity: 1 },
    { buyers: 30, stock: 7, quantity: 3 },
  ])(
    '$buyers buyers wanting $quantity each of a stock of $stock: floor(stock / quantity) orders, the rest OUT_OF_STOCK, never CONFLICT',
    async ({ buyers, stock, quantity }) => {
      // Prepare
      const product = await freshProduct(app, 'scarce', { stock });
      const shoppers: Shopper[] = Array.from({ length: buyers }, () => shopper(app));
      await Promise.all(shoppers.map((buyer) => fillCart(app, buyer, [[product, quantity]])));
      const placements = recordPlacements();

      // Act
      const responses = await Promise.all(shoppers.map((buyer) => checkoutRequest(app, buyer, newKey())));

      // Assess
      const outcomes = responses.map(outcomeOf);
      const sold = Math.floor(stock / quantity);
      expect(count(outcomes, 'OK')).toBe(sold);
      expect(count(outcomes, 'OUT_OF_STOCK')).toBe(buyers - sold);
      expect(count(outcomes, 'CONFLICT')).toBe(0);
      const [finalStock] = await stockOf(app, product);
      expect(finalStock).toBe(stock - sold * quantity);
      const orders = (await app.scan('orders')).filter((order) =>
        shoppers.some((buyer) => buyer.userId === order.userId),
      );
      expect(orders).toHaveLength(sold);
      expect(count(placements, 'placed')).toBe(sold);
      console.info(
        `checkout race: ${buyers} buyers × ${quantity} of stock ${stock} → ${sold} orders, ` +
          `${count(outcomes, 'OUT_OF_STOCK')} OUT_OF_STOCK, ${count(outcomes, 'CONFLICT')} CONFLICT, ` +
          `final stock ${finalStock}; transactions: ${placements.length} ` +
          `(${count(placements, 'productsChanged')} stock moved, ${count(placements, 'contention')} contention)`,
      );
    },
  );
});

describe('a cart changed while it is being checked out', () => {
  test('loses no update: the write conditioned on the old version fails, and the retry buys the new cart', async () => {
    // Prepare: the shopper adds a line between checkout's read of the cart and its transaction.
    const buyer = shopper(app);
    const [first, added] = await Promise.all([
      freshProduct(app, 'first', { stock: 10 }),
      freshProduct(app, 'added', { stock: 10 }),
    ]);
    await fillCart(app, buyer, [[first, 1]]);
    const ctx = storeContext(app, buyer);
    const read = ctx.carts.getLatest.bind(ctx.carts);
    jest.spyOn(ctx.carts, 'getLatest').mockImplementationOnce(async (userId) => {
      const seen = await read(userId);
      await addToCartOk(app, buyer.token, added.id, 2);
      return seen;
    });
    const placements = jest.spyOn(ctx.orders, 'place');

    // Act
    const order = await checkout(ctx, buyer.userId, newKey());

    // Assess
    await expect(placements.mock.results[0]?.value).resolves.toEqual({ outcome: 'cartChanged' });
    expect(order.items.map((item) => [item.productId, item.quantity])).toEqual([
      [first.id, 1],
      [added.id, 2],
    ]);
    expect(await stockOf(app, first, added)).toEqual([9, 8]);
    expect(
      cartLines(dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token: buyer.token })).cart),
    ).toEqual([]);
  });

  test('a cart that keeps changing is CONFLICT after a bounded number of tries, and checkout writes nothing', async () => {
    // Prepare: every read of the cart is followed by another edit before checkout can write.
    const buyer = shopper(app);
    const product = await freshProduct(app, 'busy', { stock: 99 });
    await fillCart(app, buyer, [[product, 1]]);
    const ctx = storeContext(app, buyer);
    const read = ctx.carts.getLatest.bind(ctx.carts);
    const reads = jest.spyOn(ctx.carts, 'getLatest').mockImplementation(async (userId) => {
      const seen = await read(userId);
      await addToCartOk(app, buyer.token, product.id, 1);
      return seen;
    });

    // Act
    const outcome = checkout(ctx, buyer.userId, newKey());

    // Assess
    await expect(outcome).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(reads).toHaveBeenCalledTimes(5);
    expect(await storedOrders(app, buyer.userId)).toEqual([]);
    expect(await stockOf(app, product)).toEqual([99]);
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token: buyer.token })).cart;
    expect(cartLines(cart)).toEqual([[product.id, 6]]);
  });

  test('racing addToCart against checkout through the API: the added units are either bought or still in the cart', async () => {
    for (let round = 0; round < 10; round += 1) {
      // Prepare
      const buyer = shopper(app);
      const [kept, raced] = await Promise.all([
        freshProduct(app, 'kept', { stock: 10 }),
        freshProduct(app, 'raced', { stock: 10 }),
      ]);
      await fillCart(app, buyer, [[kept, 1]]);

      // Act
      const [checkedOut, added] = await Promise.all([
        checkoutRequest(app, buyer, newKey()),
        app.graphql<AddToCartData>(
          { query: ADD_TO_CART, variables: { productId: raced.id, quantity: 1 } },
          { token: buyer.token },
        ),
      ]);

      // Assess
      expect(errorCodes(added)).toEqual([]);
      const bought = dataOf(checkedOut).checkout.items.some((item) => item.productId === raced.id);
      const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token: buyer.token })).cart;
      const inCart = cartLines(cart).some(([productId]) => productId === raced.id);
      expect(Number(bought) + Number(inCart)).toBe(1);
      expect(await stockOf(app, raced)).toEqual([bought ? 9 : 10]);
    }
  });
});
