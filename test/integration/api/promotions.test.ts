import { freshProduct, shopper, useTestApp } from '../../support/fixtures';
import {
  ADD_TO_CART,
  APPLY_PROMOTION,
  CART_QUERY,
  dataOf,
  errorCodes,
  SAVE_CART,
  uniqueId,
  type AddToCartData,
  type ApplyPromotionData,
  type CartData,
  type CartView,
  type SaveCartData,
} from '../../support/storeApi';

/**
 * The contract's rule, written independently of the code: subtotal × percentage / 100, rounded
 * half up to the cent. Integer arithmetic on hundredths of a cent, so no float can tip a .5.
 */
function halfUpDiscount(subtotal: number, percentage: number): number {
  const hundredths = subtotal * percentage;
  const cents = (hundredths - (hundredths % 100)) / 100;
  return hundredths % 100 >= 50 ? cents + 1 : cents;
}

const app = useTestApp({ promotions: { WELCOME10: 10, HALFOFF: 50, FIFTEEN: 15 } });

async function shopperWith(price: number, quantity: number) {
  const { token } = shopper(app);
  const product = await freshProduct(app, 'item', { price, stock: 99 });
  const response = await app.graphql<AddToCartData>(
    { query: ADD_TO_CART, variables: { productId: product.id, quantity } },
    { token },
  );
  return { token, productId: product.id, cart: dataOf(response).addToCart };
}

async function applyCode(token: string, code: string | null) {
  return app.graphql<ApplyPromotionData>({ query: APPLY_PROMOTION, variables: { code } }, { token });
}

describe('applyPromotionCode', () => {
  test('the formula itself rounds the contract examples half up', () => {
    expect([halfUpDiscount(2999, 10), halfUpDiscount(1999, 50), halfUpDiscount(1004, 10)]).toEqual([
      300, 1000, 100,
    ]);
  });

  test('applies a code whatever its case, storing it upper case', async () => {
    const { token } = await shopperWith(2999, 1);

    const cart = dataOf(await applyCode(token, 'welcome10')).applyPromotionCode;

    expect(cart).toMatchObject({
      promotionCode: 'WELCOME10',
      discountPercentage: 10,
      subtotal: 2999,
      discount: 300,
      total: 2699,
    });
    const reread = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;
    expect(reread).toEqual(cart);
  });

  test('a mixed-case code with surrounding spaces is the same code', async () => {
    const { token } = await shopperWith(1999, 1);

    const cart = dataOf(await applyCode(token, ' HalfOff ')).applyPromotionCode;

    expect(cart).toMatchObject({
      promotionCode: 'HALFOFF',
      discountPercentage: 50,
      discount: 1000,
      total: 999,
    });
  });

  test.each([
    ['WELCOME10', 10, 2999, 1],
    ['HALFOFF', 50, 1999, 1],
    ['WELCOME10', 10, 1005, 1],
    ['WELCOME10', 10, 1004, 1],
    ['FIFTEEN', 15, 333, 3],
    ['HALFOFF', 50, 1, 1],
    ['WELCOME10', 10, 1, 1],
    ['HALFOFF', 50, 4999, 99],
  ])('%s (%i %%) on %i cents × %i rounds the discount half up', async (code, percentage, price, quantity) => {
    const { token } = await shopperWith(price, quantity);
    const subtotal = price * quantity;

    const cart = dataOf(await applyCode(token, code)).applyPromotionCode;

    const discount = halfUpDiscount(subtotal, percentage);
    expect(cart).toMatchObject({
      discountPercentage: percentage,
      subtotal,
      discount,
      total: subtotal - discount,
    });
  });

  test('the discount is recomputed when the cart changes', async () => {
    const { token, productId } = await shopperWith(2999, 1);
    dataOf(await applyCode(token, 'WELCOME10'));

    const response = await app.graphql<AddToCartData>(
      { query: ADD_TO_CART, variables: { productId, quantity: 2 } },
      { token },
    );

    const cart = dataOf(response).addToCart;
    expect(cart).toMatchObject({
      promotionCode: 'WELCOME10',
      subtotal: 8997,
      discount: halfUpDiscount(8997, 10),
    });
    expect(cart.total).toBe(8997 - halfUpDiscount(8997, 10));
  });

  test('an unknown code is refused with BAD_USER_INPUT and the cart keeps its code', async () => {
    const { token } = await shopperWith(2999, 2);
    const applied = dataOf(await applyCode(token, 'WELCOME10')).applyPromotionCode;
    const before = await app.snapshot();

    const response = await applyCode(token, 'NOT-A-CODE');

    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
    expect(dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart).toEqual(applied);
  });

  test('null clears the code and the discount', async () => {
    const { token, cart: undiscounted } = await shopperWith(2999, 2);
    dataOf(await applyCode(token, 'HALFOFF'));

    const cart = dataOf(await applyCode(token, null)).applyPromotionCode;

    expect(cart).toMatchObject({
      promotionCode: null,
      discountPercentage: 0,
      discount: 0,
      subtotal: undiscounted.subtotal,
      total: undiscounted.subtotal,
      itemCount: 2,
    });
  });

  test('a code applied to an empty cart gives no discount until items arrive', async () => {
    const { token } = shopper(app);

    const cart = dataOf(await applyCode(token, 'welcome10')).applyPromotionCode;

    expect(cart).toMatchObject({
      items: [],
      promotionCode: 'WELCOME10',
      discountPercentage: 10,
      discount: 0,
      total: 0,
    });
  });

  test('a changed percentage applies to carts already holding the code', async () => {
    const { token } = await shopperWith(2000, 1);
    const code = uniqueId('promo').toUpperCase();
    await app.putPromotion(code, 10);
    dataOf(await applyCode(token, code));

    await app.putPromotion(code, 25);
    const cart = dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;

    expect(cart).toMatchObject({ promotionCode: code, discountPercentage: 25, discount: 500, total: 1500 });
  });
});

describe('saveCart with a promotion code', () => {
  async function saveCart(
    token: string,
    items: Array<{ productId: string; quantity: number }>,
    promotionCode?: string,
  ) {
    const response = await app.graphql<SaveCartData>(
      { query: SAVE_CART, variables: { input: { items, promotionCode } } },
      { token },
    );
    return response;
  }

  test('applies the code, case-insensitively, together with the new lines', async () => {
    const { token } = shopper(app);
    const bird = await freshProduct(app, 'bird', { price: 2999 });
    const friend = await freshProduct(app, 'friend', { price: 1999 });

    const cart: CartView = dataOf(
      await saveCart(
        token,
        [
          { productId: bird.id, quantity: 1 },
          { productId: friend.id, quantity: 1 },
        ],
        'halfoff',
      ),
    ).saveCart;

    expect(cart).toMatchObject({
      promotionCode: 'HALFOFF',
      discountPercentage: 50,
      subtotal: 4998,
      discount: halfUpDiscount(4998, 50),
      total: 4998 - halfUpDiscount(4998, 50),
      itemCount: 2,
    });
  });

  test('an unknown code refuses the whole save and writes nothing', async () => {
    const { token, productId } = await shopperWith(1000, 1);
    const before = await app.snapshot();

    const response = await saveCart(token, [{ productId, quantity: 5 }], 'bogus');

    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });
});
