import { freshProduct, freshProducts, shopper, useTestApp } from '../../support/fixtures';
import {
  addToCartOk,
  cartLines,
  dataOf,
  REMOVE_FROM_CART,
  SAVE_CART,
  UPDATE_CART_ITEM,
  type CartView,
  type RemoveFromCartData,
  type SaveCartData,
  type UpdateCartItemData,
} from '../../support/storeApi';

const app = useTestApp({ promotions: { WELCOME10: 10 } });

/** A fresh shopper and two fresh products, so no test sees another's cart or catalogue edits. */
async function prepare() {
  const { token } = shopper(app);
  return { token, ...(await freshProducts(app, { bird: { price: 2999 }, friend: { price: 1999 } })) };
}

const addToCart = (token: string, productId: string, quantity?: number): Promise<CartView> =>
  addToCartOk(app, token, productId, quantity);

describe('updateCartItem', () => {
  async function update(token: string, productId: string, quantity: number): Promise<CartView> {
    const response = await app.graphql<UpdateCartItemData>(
      { query: UPDATE_CART_ITEM, variables: { productId, quantity } },
      { token },
    );
    return dataOf(response).updateCartItem;
  }

  test('sets the quantity of an existing line, keeping line order', async () => {
    const { token, bird, friend } = await prepare();
    await addToCart(token, bird.id, 5);
    await addToCart(token, friend.id, 1);

    const cart = await update(token, bird.id, 2);

    expect(cartLines(cart)).toEqual([
      [bird.id, 2],
      [friend.id, 1],
    ]);
    expect(cart).toMatchObject({ itemCount: 3, subtotal: 2 * 2999 + 1999 });
  });

  test('adds the line when it is absent', async () => {
    const { token, bird, friend } = await prepare();
    await addToCart(token, bird.id, 1);

    const cart = await update(token, friend.id, 7);

    expect(cartLines(cart)).toEqual([
      [bird.id, 1],
      [friend.id, 7],
    ]);
  });

  test('quantity 0 for a line that is not in the cart returns the cart unchanged and writes nothing', async () => {
    const { token, bird, friend } = await prepare();
    const current = await addToCart(token, bird.id, 2);
    const before = await app.snapshot();

    const cart = await update(token, friend.id, 0);

    expect(cart).toEqual(current);
    expect(await app.snapshot()).toEqual(before);
  });

  test('quantity 0 removes the line', async () => {
    const { token, bird, friend } = await prepare();
    await addToCart(token, bird.id, 1);
    await addToCart(token, friend.id, 2);

    const cart = await update(token, bird.id, 0);

    expect(cartLines(cart)).toEqual([[friend.id, 2]]);
    expect(cart).toMatchObject({ itemCount: 2, subtotal: 3998, total: 3998 });
  });
});

describe('removeFromCart', () => {
  async function remove(token: string, productId: string): Promise<CartView> {
    const response = await app.graphql<RemoveFromCartData>(
      { query: REMOVE_FROM_CART, variables: { productId } },
      { token },
    );
    return dataOf(response).removeFromCart;
  }

  test('removes a line that is in the cart', async () => {
    const { token, bird, friend } = await prepare();
    await addToCart(token, bird.id, 1);
    await addToCart(token, friend.id, 2);

    const cart = await remove(token, friend.id);

    expect(cartLines(cart)).toEqual([[bird.id, 1]]);
    expect(cart).toMatchObject({ itemCount: 1, subtotal: 2999 });
  });

  test('removing an absent line returns the cart unchanged and writes nothing', async () => {
    const { token, bird, friend } = await prepare();
    const current = await addToCart(token, bird.id, 2);
    const before = await app.snapshot();

    const cart = await remove(token, friend.id);

    expect(cart).toEqual(current);
    expect(await app.snapshot()).toEqual(before);
  });

  test('removing from a cart that was never saved returns the empty cart and writes nothing', async () => {
    const { token, bird } = await prepare();
    const before = await app.snapshot();

    const cart = await remove(token, bird.id);

    expect(cart).toMatchObject({ items: [], itemCount: 0, total: 0, updatedAt: null });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('saveCart', () => {
  test('replaces every line and the promotion code', async () => {
    const { token, bird, friend } = await prepare();
    const third = await freshProduct(app, 'third', { name: 'Third', price: 1000 });
    await addToCart(token, bird.id, 4);
    await app.graphql({ query: 'mutation { applyPromotionCode(code: "WELCOME10") { total } }' }, { token });

    const response = await app.graphql<SaveCartData>(
      {
        query: SAVE_CART,
        variables: {
          input: {
            items: [
              { productId: third.id, quantity: 2 },
              { productId: friend.id, quantity: 1 },
            ],
          },
        },
      },
      { token },
    );

    const cart = dataOf(response).saveCart;
    expect(cartLines(cart)).toEqual([
      [third.id, 2],
      [friend.id, 1],
    ]);
    expect(cart).toMatchObject({
      promotionCode: null,
      discountPercentage: 0,
      subtotal: 3999,
      discount: 0,
      total: 3999,
      itemCount: 3,
    });
  });

  test('an empty list empties the cart', async () => {
    const { token, bird } = await prepare();
    await addToCart(token, bird.id, 4);

    const response = await app.graphql<SaveCartData>(
      { query: SAVE_CART, variables: { input: { items: [] } } },
      { token },
    );

    expect(dataOf(response).saveCart).toMatchObject({ items: [], subtotal: 0, total: 0, itemCount: 0 });
  });
});
