import { MAX_CART_LINES } from '../../../src/domain/cartRules';
import { shopper, useTestApp } from '../../support/fixtures';
import {
  ADD_TO_CART,
  dataOf,
  errorCodes,
  SAVE_CART,
  uniqueId,
  UPDATE_CART_ITEM,
  type SaveCartData,
} from '../../support/storeApi';

/**
 * A cart may hold only as many lines as one checkout transaction can buy (MAX_CART_LINES = 97: the
 * transaction also holds the order, the cart and the promotion code’s use):
 * a cart that could never be checked out must not be built in the first place.
 */
const productIds = Array.from({ length: MAX_CART_LINES + 1 }, (_, index) => uniqueId(`line${index}`));
const app = useTestApp({ products: productIds.map((id) => ({ id, stock: 100 })) });

/** A shopper whose cart holds the first MAX_CART_LINES products, one unit each. */
async function fullCart(): Promise<string> {
  const { token } = shopper(app);
  const items = productIds.slice(0, MAX_CART_LINES).map((productId) => ({ productId, quantity: 1 }));
  const saved = await app.graphql<SaveCartData>(
    { query: SAVE_CART, variables: { input: { items } } },
    { token },
  );
  expect(dataOf(saved).saveCart.items).toHaveLength(MAX_CART_LINES);
  return token;
}

describe('cart capacity', () => {
  test('saveCart refuses one line more than a checkout can buy, writing nothing', async () => {
    const { token } = shopper(app);
    const items = productIds.map((productId) => ({ productId, quantity: 1 }));
    const before = await app.snapshot();

    const response = await app.graphql({ query: SAVE_CART, variables: { input: { items } } }, { token });

    expect(items).toHaveLength(MAX_CART_LINES + 1);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });

  test('addToCart and updateCartItem refuse a new product once the cart is full, writing nothing', async () => {
    const token = await fullCart();
    const extra = productIds[MAX_CART_LINES];
    const before = await app.snapshot();

    const added = await app.graphql({ query: ADD_TO_CART, variables: { productId: extra } }, { token });
    const updated = await app.graphql(
      { query: UPDATE_CART_ITEM, variables: { productId: extra, quantity: 1 } },
      { token },
    );

    expect(errorCodes(added)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(updated)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });

  test('a full cart still accepts more units of a product it already holds', async () => {
    const token = await fullCart();

    const response = await app.graphql<{ addToCart: { itemCount: number } }>(
      { query: ADD_TO_CART, variables: { productId: productIds[0], quantity: 2 } },
      { token },
    );

    expect(dataOf(response).addToCart.itemCount).toBe(MAX_CART_LINES + 2);
  });
});
