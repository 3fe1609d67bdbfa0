import type { CartRecord } from '../../../src/datasources/models';
import { freshProduct, useTestApp } from '../../support/fixtures';
import {
  ADD_TO_CART,
  CART_QUERY,
  dataOf,
  errorCodes,
  UPDATE_CART_ITEM,
  uniqueId,
  type AddToCartData,
  type CartData,
  type UpdateCartItemData,
} from '../../support/storeApi';

const app = useTestApp();

function addToCart(token: string, productId: string, quantity: number) {
  return app.graphql<AddToCartData>({ query: ADD_TO_CART, variables: { productId, quantity } }, { token });
}

/** The raw carts-table item, to see the version counter the API never exposes. */
async function storedCart(userId: string): Promise<CartRecord | undefined> {
  const item = (await app.scan('carts')).find((cart) => cart.userId === userId);
  // A scan returns untyped attribute maps; every item of the carts table is a CartRecord.
  return item as CartRecord | undefined;
}

describe('concurrent writes to one cart', () => {
  test('20 concurrent addToCart of one unit each leave exactly 20 units and 20 versions', async () => {
    const userId = uniqueId('busy');
    const token = app.tokenFor(userId, 'Busy');
    const product = await freshProduct(app, 'hot', { price: 250, stock: 50 });

    const responses = await Promise.all(Array.from({ length: 20 }, () => addToCart(token, product.id, 1)));

    expect(responses.flatMap(errorCodes)).toEqual([]);
    const quantities = responses
      .map((response) => dataOf(response).addToCart.items[0]?.quantity)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(quantities).toEqual(Array.from({ length: 20 }, (_value, index) => index + 1));
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;
    expect(cart).toMatchObject({ itemCount: 20, subtotal: 5000 });
    expect(cart.items.map((line) => [line.product.id, line.quantity])).toEqual([[product.id, 20]]);
    expect(await storedCart(userId)).toMatchObject({
      items: [{ productId: product.id, quantity: 20 }],
      version: 20,
    });
  });

  test('concurrent addToCart of different products keeps every line', async () => {
    const userId = uniqueId('browser');
    const token = app.tokenFor(userId, 'Browser');
    const products = await Promise.all(
      Array.from({ length: 10 }, (_value, index) =>
        freshProduct(app, `p${index}`, { price: 100 * (index + 1) }),
      ),
    );

    const responses = await Promise.all(
      products.map((product, index) => addToCart(token, product.id, index + 1)),
    );

    expect(responses.flatMap(errorCodes)).toEqual([]);
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;
    const expected = products.map((product, index) => [product.id, index + 1]);
    const actual = cart.items.map((line) => [line.product.id, line.quantity]);
    expect(actual).toHaveLength(products.length);
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(cart.itemCount).toBe(55);
    expect(cart.subtotal).toBe(
      products.reduce((sum, product, index) => sum + product.price * (index + 1), 0),
    );
    expect((await storedCart(userId))?.version).toBe(10);
  });

  test('concurrent updateCartItem of different lines keeps every line at its new quantity', async () => {
    const userId = uniqueId('editor');
    const token = app.tokenFor(userId, 'Editor');
    const products = await Promise.all(Array.from({ length: 6 }, (_v, i) => freshProduct(app, `u${i}`)));
    for (const product of products) dataOf(await addToCart(token, product.id, 1));

    const responses = await Promise.all(
      products.map((product, index) =>
        app.graphql<UpdateCartItemData>(
          { query: UPDATE_CART_ITEM, variables: { productId: product.id, quantity: index + 2 } },
          { token },
        ),
      ),
    );

    expect(responses.flatMap(errorCodes)).toEqual([]);
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;
    expect(cart.items.map((line) => [line.product.id, line.quantity])).toEqual(
      products.map((product, index) => [product.id, index + 2]),
    );
  });

  test('concurrent adds beyond the stock stop exactly at the stock, refusing the rest with OUT_OF_STOCK', async () => {
    const userId = uniqueId('greedy');
    const token = app.tokenFor(userId, 'Greedy');
    const product = await freshProduct(app, 'scarce', { stock: 8 });

    const responses = await Promise.all(Array.from({ length: 12 }, () => addToCart(token, product.id, 1)));

    const codes = responses.map((response) => errorCodes(response)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(8);
    expect(codes.filter((code) => code === 'OUT_OF_STOCK')).toHaveLength(4);
    expect(await storedCart(userId)).toMatchObject({
      items: [{ productId: product.id, quantity: 8 }],
      version: 8,
    });
  });

  test("concurrent shoppers' writes never leak into each other's carts", async () => {
    const product = await freshProduct(app, 'shared', { stock: 99 });
    const users = Array.from({ length: 5 }, (_v, i) => uniqueId(`s${i}`));

    const responses = await Promise.all(
      users.flatMap((userId, index) =>
        Array.from({ length: index + 1 }, () => addToCart(app.tokenFor(userId, 'S'), product.id, 1)),
      ),
    );

    expect(responses.flatMap(errorCodes)).toEqual([]);
    const stored = await Promise.all(users.map((userId) => storedCart(userId)));
    expect(stored.map((cart) => cart?.items)).toEqual(
      users.map((_u, index) => [{ productId: product.id, quantity: index + 1 }]),
    );
  });
});
