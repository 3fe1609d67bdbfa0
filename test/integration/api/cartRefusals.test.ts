import type { GraphQLRequest } from '../../support/events';
import { freshProducts, shopper, useTestApp } from '../../support/fixtures';
import {
  ADD_TO_CART,
  addToCartOk,
  APPLY_PROMOTION,
  CART_QUERY,
  dataOf,
  errorCodes,
  REMOVE_FROM_CART,
  SAVE_CART,
  UPDATE_CART_ITEM,
} from '../../support/storeApi';

const app = useTestApp({ promotions: { WELCOME10: 10 } });

interface Fixture {
  token: string;
  /** In the cart with 5 units; stock 10. */
  held: string;
  /** Not in the cart; stock 10. */
  other: string;
  /** In the cart with 60 units; stock 500, so only the 99-unit line limit can refuse it. */
  bulk: string;
}

/**
 * A shopper whose cart already holds lines and a promotion code, so "writes nothing" is checked
 * against a real cart rather than an absent one.
 */
async function prepare(): Promise<Fixture> {
  const { token } = shopper(app);
  const { held, other, bulk } = await freshProducts(app, {
    held: { price: 1200, stock: 10 },
    other: { price: 800, stock: 10 },
    bulk: { price: 50, stock: 500 },
  });
  await addToCartOk(app, token, held.id, 5);
  await addToCartOk(app, token, bulk.id, 60);
  dataOf(await app.graphql({ query: APPLY_PROMOTION, variables: { code: 'WELCOME10' } }, { token }));
  return { token, held: held.id, other: other.id, bulk: bulk.id };
}

const add = (productId: string, quantity: number | null): GraphQLRequest => ({
  query: ADD_TO_CART,
  variables: { productId, quantity },
});
const update = (productId: string, quantity: number): GraphQLRequest => ({
  query: UPDATE_CART_ITEM,
  variables: { productId, quantity },
});
const remove = (productId: string): GraphQLRequest => ({ query: REMOVE_FROM_CART, variables: { productId } });
const save = (
  items: Array<{ productId: string; quantity: number }>,
  promotionCode?: string,
): GraphQLRequest => ({
  query: SAVE_CART,
  variables: { input: { items, promotionCode } },
});

const LONG_ID = 'x'.repeat(5000);

const saveWithOneUnknown = ({ held, other }: Fixture): GraphQLRequest =>
  save([
    { productId: other, quantity: 1 },
    { productId: 'no-such-product', quantity: 1 },
    { productId: held, quantity: 2 },
  ]);

type Case = [label: string, code: string, request: (fixture: Fixture) => GraphQLRequest];

const cases: Case[] = [
  // addToCart
  ['addToCart quantity 0', 'BAD_USER_INPUT', ({ other }) => add(other, 0)],
  ['addToCart quantity -1', 'BAD_USER_INPUT', ({ other }) => add(other, -1)],
  ['addToCart quantity 100', 'BAD_USER_INPUT', ({ other }) => add(other, 100)],
  ['addToCart quantity 100 of a well-stocked product', 'BAD_USER_INPUT', ({ bulk }) => add(bulk, 100)],
  ['addToCart quantity null', 'BAD_USER_INPUT', ({ other }) => add(other, null)],
  ['addToCart over 99 units cumulatively', 'BAD_USER_INPUT', ({ bulk }) => add(bulk, 40)],
  ['addToCart more than the stock', 'OUT_OF_STOCK', ({ other }) => add(other, 11)],
  ['addToCart more than the stock cumulatively', 'OUT_OF_STOCK', ({ held }) => add(held, 6)],
  ['addToCart of an unknown product', 'NOT_FOUND', () => add('no-such-product', 1)],
  ['addToCart of an empty product id', 'NOT_FOUND', () => add('', 1)],
  ['addToCart of a 5000-character product id', 'NOT_FOUND', () => add(LONG_ID, 1)],
  // updateCartItem
  ['updateCartItem quantity -1', 'BAD_USER_INPUT', ({ held }) => update(held, -1)],
  ['updateCartItem quantity 100', 'BAD_USER_INPUT', ({ bulk }) => update(bulk, 100)],
  ['updateCartItem more than the stock', 'OUT_OF_STOCK', ({ held }) => update(held, 11)],
  ['updateCartItem of an unknown product', 'NOT_FOUND', () => update('no-such-product', 1)],
  ['updateCartItem to 0 of an unknown product', 'NOT_FOUND', () => update('no-such-product', 0)],
  // removeFromCart
  ['removeFromCart of an unknown product', 'NOT_FOUND', () => remove('no-such-product')],
  ['removeFromCart of a 5000-character product id', 'NOT_FOUND', () => remove(LONG_ID)],
  // saveCart
  ['saveCart naming one unknown product among valid ones', 'NOT_FOUND', saveWithOneUnknown],
  [
    'saveCart naming a product twice',
    'BAD_USER_INPUT',
    ({ other }) =>
      save([
        { productId: other, quantity: 1 },
        { productId: other, quantity: 2 },
      ]),
  ],
  ['saveCart with quantity 0', 'BAD_USER_INPUT', ({ other }) => save([{ productId: other, quantity: 0 }])],
  ['saveCart with quantity 100', 'BAD_USER_INPUT', ({ bulk }) => save([{ productId: bulk, quantity: 100 }])],
  [
    'saveCart with more than the stock',
    'OUT_OF_STOCK',
    ({ other }) => save([{ productId: other, quantity: 11 }]),
  ],
  [
    'saveCart with an unknown promotion code',
    'BAD_USER_INPUT',
    ({ other }) => save([{ productId: other, quantity: 1 }], 'NOPE'),
  ],
  // applyPromotionCode
  [
    'applyPromotionCode of an unknown code',
    'BAD_USER_INPUT',
    () => ({ query: APPLY_PROMOTION, variables: { code: 'NOPE' } }),
  ],
  [
    'applyPromotionCode of an empty code',
    'BAD_USER_INPUT',
    () => ({ query: APPLY_PROMOTION, variables: { code: '' } }),
  ],
];

describe('refused cart mutations write nothing', () => {
  test.each(cases)(
    '%s is refused with %s and leaves every table unchanged',
    async (_label, code, request) => {
      const fixture = await prepare();
      const before = await app.snapshot();

      const response = await app.graphql(request(fixture), { token: fixture.token });

      expect(errorCodes(response)).toEqual([code]);
      expect(response.body.data).toBeNull();
      expect(await app.snapshot()).toEqual(before);
    },
  );

  test('the cart reads back exactly as before a refused saveCart', async () => {
    const fixture = await prepare();
    const before = dataOf(await app.graphql({ query: CART_QUERY }, { token: fixture.token }));

    const refused = await app.graphql(saveWithOneUnknown(fixture), { token: fixture.token });
    const after = dataOf(await app.graphql({ query: CART_QUERY }, { token: fixture.token }));

    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    expect(after).toEqual(before);
  });
});

describe('NOT_FOUND names the products that do not exist', () => {
  const byId = (id: string) => ({
    message: `No product has id "${id}"`,
    extensions: { code: 'NOT_FOUND', productId: id },
  });

  test.each<[string, (fixture: Fixture) => GraphQLRequest, { message: string; extensions: object }]>([
    ['addToCart', () => add('no-such-product', 1), byId('no-such-product')],
    ['updateCartItem', () => update('no-such-product', 1), byId('no-such-product')],
    ['removeFromCart', () => remove('no-such-product'), byId('no-such-product')],
    [
      'saveCart',
      saveWithOneUnknown,
      {
        message: 'Some products do not exist',
        extensions: { code: 'NOT_FOUND', productIds: ['no-such-product'] },
      },
    ],
  ])('%s answers with the unknown id in its extensions', async (_name, request, error) => {
    // Prepare
    const fixture = await prepare();

    // Act
    const response = await app.graphql(request(fixture), { token: fixture.token });

    // Assess
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.message).toBe(error.message);
    expect(response.body.errors?.[0]?.extensions).toEqual(error.extensions);
  });
});

describe('anonymous callers', () => {
  test.each([
    ['cart', () => ({ query: CART_QUERY })],
    ['addToCart', ({ other }: Fixture) => add(other, 1)],
    ['updateCartItem', ({ held }: Fixture) => update(held, 1)],
    ['removeFromCart', ({ held }: Fixture) => remove(held)],
    ['saveCart', ({ other }: Fixture) => save([{ productId: other, quantity: 1 }])],
    ['applyPromotionCode', () => ({ query: APPLY_PROMOTION, variables: { code: 'WELCOME10' } })],
  ])('%s without a token is refused with UNAUTHENTICATED and writes nothing', async (_name, request) => {
    const fixture = await prepare();
    const before = await app.snapshot();

    const response = await app.graphql(request(fixture));

    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });
});
