import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import { checkoutOk, checkoutRequest, fillCart, newKey } from '../../support/orders';
import {
  createPromotionOk,
  PROMOTIONS,
  UPDATE_PROMOTION,
  type PromotionView,
} from '../../support/promotions';
import { dataOf, errorCodes, uniqueId } from '../../support/storeApi';

/**
 * When a code discounts, by how much, and how often: fixed amounts, minimums, dates, activity and
 * usage limits, from applying a code to paying with it.
 */
const app = useTestApp();
let staffToken: string;

beforeAll(() => {
  staffToken = staffMember(app).token;
});

const codeFor = (prefix: string) =>
  uniqueId(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

async function promotion(terms: Record<string, unknown>): Promise<string> {
  const code = codeFor('code');
  await createPromotionOk(app, staffToken, { code, ...terms });
  return code;
}

/** A shopper whose cart holds `quantity` units of a fresh product at `price` cents. */
async function shopperWithCart(
  price: number,
  quantity = 1,
  stock = 50,
): Promise<Shopper & { productId: string }> {
  const buyer = shopper(app);
  const product = await freshProduct(app, 'promo-item', { price, stock });
  await fillCart(app, buyer, [[product, quantity]]);
  return { ...buyer, productId: product.id };
}

interface CartTotals {
  promotionCode: string | null;
  discountPercentage: number;
  promotionNotice: string | null;
  subtotal: number;
  discount: number;
  total: number;
}
const TOTALS = 'promotionCode discountPercentage promotionNotice subtotal discount total';

async function apply(token: string, code: string) {
  return app.graphql<{ applyPromotionCode: CartTotals }>(
    {
      query: `mutation Apply($code: String) { applyPromotionCode(code: $code) { ${TOTALS} } }`,
      variables: { code },
    },
    { token },
  );
}

async function cartTotals(token: string): Promise<CartTotals> {
  const response = await app.graphql<{ cart: CartTotals }>({ query: `{ cart { ${TOTALS} } }` }, { token });
  return dataOf(response).cart;
}

async function timesUsed(code: string): Promise<number> {
  const response = await app.graphql<{ promotions: { nodes: PromotionView[] } }>(
    { query: PROMOTIONS, variables: { first: 100 } },
    { token: staffToken },
  );
  const found = dataOf(response).promotions.nodes.find((node) => node.code === code);
  if (!found) throw new Error(`No promotion ${code}`);
  return found.timesUsed;
}

describe('a fixed-amount code', () => {
  test('takes its value off the subtotal, and never more than the subtotal', async () => {
    // Prepare
    const code = await promotion({ kind: 'FIXED_AMOUNT', value: 500 });
    const big = await shopperWithCart(2000);
    const small = await shopperWithCart(300);

    // Act
    const [onBig, onSmall] = [dataOf(await apply(big.token, code)), dataOf(await apply(small.token, code))];

    // Assess
    expect(onBig.applyPromotionCode).toMatchObject({
      discountPercentage: 0,
      discount: 500,
      total: 1500,
      promotionNotice: null,
    });
    expect(onSmall.applyPromotionCode).toMatchObject({ discount: 300, total: 0 });
  });
});

describe('a minimum subtotal', () => {
  test('keeps the code on a cart below it with no discount and says why, then discounts once reached', async () => {
    // Prepare
    const code = await promotion({ kind: 'PERCENTAGE', value: 10, minimumSubtotal: 3000 });
    const buyer = await shopperWithCart(2000);

    // Act
    const below = dataOf(await apply(buyer.token, code)).applyPromotionCode;
    await app.graphql(
      { query: `mutation { updateCartItem(productId: "${buyer.productId}", quantity: 2) { itemCount } }` },
      { token: buyer.token },
    );
    const reached = await cartTotals(buyer.token);

    // Assess
    expect(below).toEqual({
      promotionCode: code,
      discountPercentage: 0,
      promotionNotice: `The code ${code} needs a subtotal of at least 3000 cents`,
      subtotal: 2000,
      discount: 0,
      total: 2000,
    });
    expect(reached).toMatchObject({
      promotionCode: code,
      discountPercentage: 10,
      discount: 400,
      promotionNotice: null,
    });
  });

  test('missed at checkout, places the order at full price without the code and without counting a use', async () => {
    const code = await promotion({ kind: 'FIXED_AMOUNT', value: 500, minimumSubtotal: 3000 });
    const buyer = await shopperWithCart(2000);
    dataOf(await apply(buyer.token, code));

    const order = await checkoutOk(app, buyer);

    expect(order).toMatchObject({ promotionCode: null, discount: 0, total: 2000 });
    expect(await timesUsed(code)).toBe(0);
  });
});

describe('applying a code that does not apply now', () => {
  test.each([
    ['inactive', { active: false }, /is not active/],
    ['not started', { startsAt: '2999-01-01T00:00:00Z' }, /starts at 2999-01-01T00:00:00.000Z/],
    ['expired', { endsAt: '2001-01-01T00:00:00Z' }, /expired at 2001-01-01T00:00:00.000Z/],
  ])('refuses a code %s with BAD_USER_INPUT saying so, writing nothing', async (_state, terms, message) => {
    // Prepare
    const code = await promotion({ kind: 'PERCENTAGE', value: 10, ...terms });
    const buyer = await shopperWithCart(1000);
    const before = await app.snapshot();

    // Act
    const response = await apply(buyer.token, code);

    // Assess
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(message) as unknown,
      extensions: { code: 'BAD_USER_INPUT', field: 'promotionCode' },
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('refuses a code used as often as it may be', async () => {
    // Prepare: the only use taken by a checkout.
    const code = await promotion({ kind: 'PERCENTAGE', value: 10, usageLimit: 1 });
    const first = await shopperWithCart(1000);
    dataOf(await apply(first.token, code));
    await checkoutOk(app, first);
    const second = await shopperWithCart(1000);

    // Act
    const response = await apply(second.token, code);

    // Assess
    expect(response.body.errors?.[0]?.message).toBe(`The code ${code} has been used as often as it may be`);
    expect(await timesUsed(code)).toBe(1);
  });
});

describe('checkout with a code', () => {
  test('records the code on the order and counts the use', async () => {
    const code = await promotion({ kind: 'PERCENTAGE', value: 20 });
    const buyer = await shopperWithCart(1000, 2);
    dataOf(await apply(buyer.token, code));

    const order = await checkoutOk(app, buyer);

    expect(order).toMatchObject({ promotionCode: code, discountPercentage: 20, discount: 400, total: 1600 });
    expect(await timesUsed(code)).toBe(1);
  });

  test('refuses a cart whose code was deactivated since it was applied, writing nothing', async () => {
    // Prepare
    const code = await promotion({ kind: 'PERCENTAGE', value: 20 });
    const buyer = await shopperWithCart(1000);
    dataOf(await apply(buyer.token, code));
    dataOf(
      await app.graphql(
        { query: UPDATE_PROMOTION, variables: { code, input: { active: false } } },
        { token: staffToken },
      ),
    );
    const shown = await cartTotals(buyer.token);
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess: the cart said the code gives nothing now; checkout does not charge another price.
    expect(shown).toMatchObject({ discount: 0, promotionNotice: `The code ${code} is not active` });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'promotionCode',
    });
    expect(await app.snapshot()).toEqual(before);
  });

  test('never uses a code more than its limit, whatever the number of buyers racing for it', async () => {
    // Prepare: 8 buyers with the code on their carts, 3 uses.
    const code = await promotion({ kind: 'FIXED_AMOUNT', value: 100, usageLimit: 3 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => shopperWithCart(1000)));
    for (const buyer of buyers) dataOf(await apply(buyer.token, code));

    // Act
    const responses = await Promise.all(buyers.map((buyer) => checkoutRequest(app, buyer, newKey())));

    // Assess
    const placed = responses.filter((response) => response.body.data?.checkout);
    const refused = responses.flatMap((response) => errorCodes(response));
    expect(placed).toHaveLength(3);
    expect(placed.map((response) => response.body.data?.checkout.promotionCode)).toEqual([code, code, code]);
    expect(refused).toEqual(Array.from({ length: 5 }, () => 'BAD_USER_INPUT'));
    expect(await timesUsed(code)).toBe(3);
  });
});
