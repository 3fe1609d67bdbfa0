import { costExtensions } from '../../support/cost';
import { freshProduct, freshProducts, shopper, useTestApp } from '../../support/fixtures';
import {
  addToCartOk,
  CART_QUERY,
  cartLines,
  dataOf,
  type CartData,
  type CartView,
} from '../../support/storeApi';

const app = useTestApp();

/** A fresh shopper and two fresh products, so no test sees another's cart or catalogue edits. */
async function prepare() {
  const { token } = shopper(app);
  const products = await freshProducts(app, {
    bird: { name: 'Lonely Bird', code: 'LB-1', price: 2999 },
    friend: { name: 'Solid Friendship', code: 'SF-2', price: 1999 },
  });
  return { token, ...products };
}

const addToCart = (token: string, productId: string, quantity?: number): Promise<CartView> =>
  addToCartOk(app, token, productId, quantity);

describe('cart', () => {
  test('a new shopper has an empty cart that was never saved', async () => {
    const { token } = await prepare();

    const response = await app.graphql<CartData>({ query: CART_QUERY }, { token });

    expect(response.body).toEqual({
      data: {
        cart: {
          items: [],
          promotionCode: null,
          discountPercentage: 0,
          subtotal: 0,
          discount: 0,
          total: 0,
          itemCount: 0,
          updatedAt: null,
        },
      },
      extensions: costExtensions(),
    });
  });
});

describe('addToCart', () => {
  test('adds a line priced from the catalogue with name, code, price and lineTotal', async () => {
    const { token, bird } = await prepare();
    const before = Date.now();

    const cart = await addToCart(token, bird.id, 2);

    expect(cart.items).toEqual([
      {
        product: { id: bird.id, isSelected: true },
        name: 'Lonely Bird',
        code: 'LB-1',
        price: 2999,
        quantity: 2,
        lineTotal: 5998,
      },
    ]);
    expect(cart).toMatchObject({ subtotal: 5998, discount: 0, total: 5998, itemCount: 2 });
    expect(Date.parse(cart.updatedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart).toEqual(cart);
  });

  test('adds one unit when no quantity is given, and accumulates on an existing line', async () => {
    const { token, bird, friend } = await prepare();

    const first = await addToCart(token, bird.id);
    await addToCart(token, friend.id, 3);
    const cart = await addToCart(token, bird.id, 4);

    expect(cartLines(first)).toEqual([[bird.id, 1]]);
    expect(cartLines(cart)).toEqual([
      [bird.id, 5],
      [friend.id, 3],
    ]);
    expect(cart).toMatchObject({ itemCount: 8, subtotal: 5 * 2999 + 3 * 1999, total: 5 * 2999 + 3 * 1999 });
  });

  test('accepts exactly 99 units on a line, reached in two steps', async () => {
    const { token } = await prepare();
    const bulk = await freshProduct(app, 'bulk', { price: 100, stock: 500 });

    await addToCart(token, bulk.id, 50);
    const cart = await addToCart(token, bulk.id, 49);

    expect(cartLines(cart)).toEqual([[bulk.id, 99]]);
    expect(cart.subtotal).toBe(9900);
  });

  test('accepts a quantity equal to the stock', async () => {
    const { token } = await prepare();
    const scarce = await freshProduct(app, 'scarce', { price: 500, stock: 3 });

    const cart = await addToCart(token, scarce.id, 3);

    expect(cartLines(cart)).toEqual([[scarce.id, 3]]);
  });
});

describe('pricing follows the catalogue', () => {
  test('a price change after adding shows in the line and the totals', async () => {
    const { token, bird } = await prepare();
    await addToCart(token, bird.id, 3);

    await app.putProduct({ ...bird, name: 'Lonely Bird (new)', code: 'LB-NEW', price: 2500 });
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;

    expect(cart.items).toEqual([
      {
        product: { id: bird.id, isSelected: true },
        name: 'Lonely Bird (new)',
        code: 'LB-NEW',
        price: 2500,
        quantity: 3,
        lineTotal: 7500,
      },
    ]);
    expect(cart).toMatchObject({ subtotal: 7500, total: 7500, itemCount: 3 });
  });
});
