import { discountFor } from '../../../src/domain/pricing';
import { createApolloServer } from '../../../src/graphql/server';
import { ALICE, execute, product, stubContext, stubStores } from '../../support/stubContext';

const server = createApolloServer({ production: false, enableSandbox: false });

afterAll(() => server.stop());

const CART_QUERY = `{
  cart {
    items { product { id } name code price quantity lineTotal }
    promotionCode discountPercentage subtotal discount total itemCount updatedAt
  }
}`;

describe('discountFor', () => {
  test.each([
    { subtotal: 2999, percentage: 10, expected: 300, why: '299.9 rounds up' },
    { subtotal: 1999, percentage: 50, expected: 1000, why: '999.5 is a half and rounds up' },
    { subtotal: 1, percentage: 50, expected: 1, why: 'half a cent rounds up to one' },
    { subtotal: 4, percentage: 10, expected: 0, why: '0.4 rounds down' },
    { subtotal: 1234, percentage: 15, expected: 185, why: '185.1 rounds down' },
    { subtotal: 1230, percentage: 15, expected: 185, why: '184.5 is a half and rounds up' },
    { subtotal: 5998, percentage: 0, expected: 0, why: 'no promotion gives no discount' },
    { subtotal: 5998, percentage: 100, expected: 5998, why: 'a full discount is the subtotal' },
    { subtotal: 0, percentage: 50, expected: 0, why: 'an empty cart has no discount' },
  ])('gives $expected cents for $percentage % of $subtotal ($why)', ({ subtotal, percentage, expected }) => {
    // Act
    const discount = discountFor(subtotal, percentage);

    // Assess
    expect(discount).toBe(expected);
  });

  test('returns integer cents for every percentage of an odd subtotal', () => {
    // Prepare
    const percentages = Array.from({ length: 101 }, (_unused, index) => index);

    // Act
    const discounts = percentages.map((percentage) => discountFor(1999, percentage));

    // Assess
    expect(discounts.every(Number.isInteger)).toBe(true);
  });
});

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
      promotions: [{ code: 'HALFOFF', percentage: 50 }],
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
      promotions: [{ code: 'WELCOME10', percentage: 10 }],
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
        subtotal: 2999,
        discount: 300,
        total: 2699,
        itemCount: 1,
        updatedAt: null,
      },
    });
    expect(stores.products.getByIds).toHaveBeenCalledWith(['discontinued', 'lonely-bird']);
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
