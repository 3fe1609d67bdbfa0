import type { ProductRecord } from '../../../src/datasources/models';
import { MAX_AMOUNT } from '../../../src/domain/pricing';
import { freshProduct, shopper, useTestApp, type Shopper } from '../../support/fixtures';
import { checkoutRequest, fillCart, newKey, ordersOf, stockOf, storedOrders } from '../../support/orders';
import {
  ADD_TO_CART,
  dataOf,
  errorCodes,
  REMOVE_FROM_CART,
  type AddToCartData,
  type RemoveFromCartData,
} from '../../support/storeApi';

const app = useTestApp();

/** What a client is shown when a cart edit or a checkout would cost more than GraphQL's Int. */
const OUT_OF_RANGE = {
  message: 'The cart would cost more than 2147483647 cents, the largest amount there can be',
  extensions: { code: 'BAD_USER_INPUT', field: 'cart' },
};

/** The shopper's cart as stored in the carts table (undefined before its first write). */
async function storedCart({ userId }: Shopper): Promise<Record<string, unknown> | undefined> {
  return (await app.scan('carts')).find((cart) => cart.userId === userId);
}

/**
 * A shopper whose cart was filled at a low price: 2 of `gold` (stock 10) and 1 of `cheap`; then
 * gold was repriced to the largest Int amount, so the cart now costs more than it can show.
 */
async function overLimitCart(): Promise<{ buyer: Shopper; gold: ProductRecord; cheap: ProductRecord }> {
  const buyer = shopper(app);
  const gold = await freshProduct(app, 'gold', { price: 1000, stock: 10 });
  const cheap = await freshProduct(app, 'cheap', { price: 500, stock: 10 });
  await fillCart(app, buyer, [
    [gold, 2],
    [cheap, 1],
  ]);
  return { buyer, gold: await app.putProduct({ ...gold, price: MAX_AMOUNT }), cheap };
}

describe('amounts beyond GraphQL Int', () => {
  test('addToCart whose subtotal would exceed 2147483647 cents is BAD_USER_INPUT and leaves the cart as it was', async () => {
    // Prepare
    const buyer = shopper(app);
    const gold = await freshProduct(app, 'gold', { price: MAX_AMOUNT, stock: 10 });
    const cheap = await freshProduct(app, 'cheap', { price: 500, stock: 10 });
    await fillCart(app, buyer, [[cheap, 1]]);
    const before = await storedCart(buyer);

    // Act
    const response = await app.graphql<AddToCartData>(
      { query: ADD_TO_CART, variables: { productId: gold.id, quantity: 2 } },
      { token: buyer.token },
    );

    // Assess
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]).toMatchObject(OUT_OF_RANGE);
    expect(response.body.data).toBeNull();
    expect(await storedCart(buyer)).toEqual(before);
  });

  test('checkout of a cart repriced past 2147483647 cents is BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const { buyer, gold, cheap } = await overLimitCart();
    const cartBefore = await storedCart(buyer);
    const stockBefore = await stockOf(app, gold, cheap);

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]).toMatchObject(OUT_OF_RANGE);
    expect(response.body.data).toBeNull();
    expect(await storedOrders(app, buyer.userId)).toEqual([]);
    expect(await stockOf(app, gold, cheap)).toEqual(stockBefore);
    expect(await storedCart(buyer)).toEqual(cartBefore);
  });

  test('after the refused checkout the order history still answers: no order total beyond Int was stored', async () => {
    // Prepare
    const { buyer } = await overLimitCart();
    expect(errorCodes(await checkoutRequest(app, buyer, newKey()))).toEqual(['BAD_USER_INPUT']);

    // Act
    const response = await ordersOf(app, buyer);

    // Assess
    expect(response.body.errors).toBeUndefined();
    expect(dataOf(response).orders.nodes).toEqual([]);
  });

  test('removeFromCart of the repriced line of a cart over the limit succeeds', async () => {
    // Prepare
    const { buyer, gold, cheap } = await overLimitCart();

    // Act
    const response = await app.graphql<RemoveFromCartData>(
      { query: REMOVE_FROM_CART, variables: { productId: gold.id } },
      { token: buyer.token },
    );

    // Assess
    const cart = dataOf(response).removeFromCart;
    expect(cart.items.map((item) => [item.product.id, item.quantity])).toEqual([[cheap.id, 1]]);
    expect(cart.subtotal).toBe(500);
    expect(await storedCart(buyer)).toMatchObject({ items: [{ productId: cheap.id, quantity: 1 }] });
  });
});
