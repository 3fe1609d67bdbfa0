import { createApolloServer } from '../../../src/graphql/server';
import { ALICE, execute, product, promotion, stubContext, stubStores } from '../../support/stubContext';

const server = createApolloServer({ production: false, enableSandbox: false });

afterAll(() => server.stop());

const CART_QUERY = `{
  cart {
    items { product { id } name code price quantity lineTotal }
    promotionCode discountPercentage promotionNotice subtotal discount total itemCount updatedAt
  }
}`;

describe('the cart query', () => {
  test('prices lines at current catalogue prices and rounds a half-cent discount up', async () => {
    // Prepare
    const stores = stubStores({
      products: [
        product({ id: 'lonely-bird', name: 'Lonely Bird', code: 'LB-1', price: 2999 }),
        product({ id: 'solid-friendship', name: 'Solid Friendship', code: 'SF-1', price: 1999 }),
      ],
      carts: [
        {
          userId: 'alice',
          items: [
            { productId: 'lonely-bird', quantity: 2 },
            { productId: 'solid-friendship', quantity: 1 },
          ],
          promotionCode: 'HALFOFF',
          version: 3,
          updatedAt: '2026-11-20T08:00:00.000Z',
        },
      ],
      promotions: [promotion({ code: 'HALFOFF', kind: 'PERCENTAGE', value: 50 })],
    });

    // Act
    const result = await execute(server, stubContext(stores, ALICE), CART_QUERY);

    // Assess: 2 × 2999 + 1999 = 7997; 50 % = 3998.5 → 3999.
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      cart: {
        items: [
          {
            product: { id: 'lonely-bird' },
            name: 'Lonely Bird',
            code: 'LB-1',
            price: 2999,
            quantity: 2,
            lineTotal: 5998,
          },
          {
            product: { id: 'solid-friendship' },
            name: 'Solid Friendship',
            code: 'SF-1',
            price: 1999,
            quantity: 1,
            lineTotal: 1999,
          },
        ],
        promotionCode: 'HALFOFF',
        discountPercentage: 50,
        promotionNotice: null,
        subtotal: 7997,
        discount: 3999,
        total: 3998,
        itemCount: 3,
        updatedAt: '2026-11-20T08:00:00.000Z',
      },
    });
  });

  test('leaves lines of products that left the catalogue out of items, totals and itemCount', async () => {
    // Prepare
    const stores = stubStores({
      products: [product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 })],
      carts: [
        {
          userId: 'alice',
          items: [
            { productId: 'discontinued', quantity: 5 },
            { productId: 'lonely-bird', quantity: 1 },
          ],
          promotionCode: 'WELCOME10',
          version: 1,
        },
      ],
      promotions: [promotion({ code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 })],
    });

    // Act
    const result = await execute(server, stubContext(stores, ALICE), CART_QUERY);

    // Assess
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      cart: {
        items: [
          {
            product: { id: 'lonely-bird' },
            name: 'Lonely Bird',
            code: 'LONELY-BIRD',
            price: 2999,
            quantity: 1,
            lineTotal: 2999,
          },
        ],
        promotionCode: 'WELCOME10',
        discountPercentage: 10,
        promotionNotice: null,
        subtotal: 2999,
        discount: 300,
        total: 2699,
        itemCount: 1,
        updatedAt: null,
      },
    });
    expect(stores.products.getByIds).toHaveBeenCalledWith(['discontinued', 'lonely-bird']);
    expect(stores.products.getLatestByIds).not.toHaveBeenCalled();
  });

  test('takes a fixed amount off once the minimum is reached, and says why it does not below it', async () => {
    // Prepare: FIVEOFF takes 500 from 3000; one Lonely Bird (2999) is a cent short, two are not.
    const cartOf = (quantity: number) => ({
      userId: 'alice',
      items: [{ productId: 'lonely-bird', quantity }],
      promotionCode: 'FIVEOFF',
      version: 1,
    });
    const data = {
      products: [product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 })],
      promotions: [promotion({ code: 'FIVEOFF', kind: 'FIXED_AMOUNT', value: 500, minimumSubtotal: 3000 })],
    };
    const totals = '{ cart { promotionCode discountPercentage promotionNotice subtotal discount total } }';

    // Act
    const short = await execute(
      server,
      stubContext(stubStores({ ...data, carts: [cartOf(1)] }), ALICE),
      totals,
    );
    const enough = await execute(
      server,
      stubContext(stubStores({ ...data, carts: [cartOf(2)] }), ALICE),
      totals,
    );

    // Assess
    expect(short.errors).toBeUndefined();
    expect(short.data).toEqual({
      cart: {
        promotionCode: 'FIVEOFF',
        discountPercentage: 0,
        promotionNotice: 'The code FIVEOFF needs a subtotal of at least 3000 cents',
        subtotal: 2999,
        discount: 0,
        total: 2999,
      },
    });
    expect(enough.errors).toBeUndefined();
    expect(enough.data).toEqual({
      cart: {
        promotionCode: 'FIVEOFF',
        discountPercentage: 0,
        promotionNotice: null,
        subtotal: 5998,
        discount: 500,
        total: 5498,
      },
    });
  });

  test('gives a caller without a cart an empty cart with zero totals', async () => {
    // Prepare
    const stores = stubStores();

    // Act
    const result = await execute(server, stubContext(stores, ALICE), CART_QUERY);

    // Assess
    expect(result.data).toEqual({
      cart: {
        items: [],
        promotionCode: null,
        discountPercentage: 0,
        promotionNotice: null,
        subtotal: 0,
        discount: 0,
        total: 0,
        itemCount: 0,
        updatedAt: null,
      },
    });
    expect(stores.promotions.getByCode).not.toHaveBeenCalled();
  });
});

describe('the cart mutations', () => {
  const TOTALS = 'promotionCode itemCount subtotal discount total';

  test.each([
    [
      'saveCart',
      `mutation { saveCart(input: { items: [{ productId: "lonely-bird", quantity: 3 }] }) { ${TOTALS} } }`,
      { promotionCode: null, itemCount: 3, subtotal: 8997, discount: 0, total: 8997 },
    ],
    [
      'addToCart',
      `mutation { addToCart(productId: "lonely-bird", quantity: 2) { ${TOTALS} } }`,
      { promotionCode: null, itemCount: 3, subtotal: 8997, discount: 0, total: 8997 },
    ],
    [
      'updateCartItem',
      `mutation { updateCartItem(productId: "lonely-bird", quantity: 3) { ${TOTALS} } }`,
      { promotionCode: null, itemCount: 3, subtotal: 8997, discount: 0, total: 8997 },
    ],
    [
      'removeFromCart',
      `mutation { removeFromCart(productId: "lonely-bird") { ${TOTALS} } }`,
      { promotionCode: null, itemCount: 0, subtotal: 0, discount: 0, total: 0 },
    ],
    [
      'applyPromotionCode',
      `mutation { applyPromotionCode(code: "welcome10") { ${TOTALS} } }`,
      { promotionCode: 'WELCOME10', itemCount: 1, subtotal: 2999, discount: 300, total: 2699 },
    ],
  ])(
    '%s answers with the cart it saved, priced through the request’s product loader',
    async (name, mutation, expected) => {
      // Prepare: one Lonely Bird in alice's cart.
      const stores = stubStores({
        products: [product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 })],
        carts: [{ userId: 'alice', items: [{ productId: 'lonely-bird', quantity: 1 }], version: 2 }],
        promotions: [promotion({ code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 })],
      });

      // Act
      const result = await execute(server, stubContext(stores, ALICE), mutation);

      // Assess
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ [name]: expected });
      expect(stores.carts.save).toHaveBeenCalledTimes(1);
      expect(stores.products.getLatestByIds).not.toHaveBeenCalled();
    },
  );
});
