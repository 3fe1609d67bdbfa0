import { createApolloServer } from '../../../src/graphql/server';
import { ALICE, execute, product, SAVED_AT, stubContext, stubStores } from '../../support/stubContext';

const server = createApolloServer({ production: false, enableSandbox: false });

afterAll(() => server.stop());

const ADD = `mutation ($productId: ID!, $quantity: Int) {
  addToCart(productId: $productId, quantity: $quantity) { items { product { id } quantity } itemCount subtotal updatedAt }
}`;

function stores() {
  return stubStores({
    products: [
      product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999, stock: 100 }),
      product({ id: 'rare', name: 'Rare', price: 500, stock: 3 }),
    ],
    carts: [{ userId: 'alice', items: [{ productId: 'lonely-bird', quantity: 98 }], version: 4 }],
  });
}

describe('addToCart', () => {
  test.each([0, -1, 100])(
    'refuses quantity %i with BAD_USER_INPUT before reading the product or the cart',
    async (quantity) => {
      // Prepare
      const stubs = stores();

      // Act
      const result = await execute(server, stubContext(stubs, ALICE), ADD, { productId: 'rare', quantity });

      // Assess
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: 'quantity must be between 1 and 99',
        extensions: { code: 'BAD_USER_INPUT', field: 'quantity' },
      });
      expect(stubs.products.getById).not.toHaveBeenCalled();
      expect(stubs.carts.getLatest).not.toHaveBeenCalled();
      expect(stubs.carts.save).not.toHaveBeenCalled();
    },
  );

  test('refuses an unknown product with NOT_FOUND and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const result = await execute(server, stubContext(stubs, ALICE), ADD, { productId: 'ghost', quantity: 1 });

    // Assess
    expect(result.errors?.[0]).toMatchObject({
      message: 'No product has id "ghost"',
      extensions: { code: 'NOT_FOUND', productId: 'ghost' },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses more units than in stock with OUT_OF_STOCK and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const result = await execute(server, stubContext(stubs, ALICE), ADD, { productId: 'rare', quantity: 4 });

    // Assess
    expect(result.errors?.[0]).toMatchObject({
      message: 'Not enough stock for Rare',
      extensions: { code: 'OUT_OF_STOCK', productIds: ['rare'] },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses a line that would exceed 99 units with BAD_USER_INPUT instead of capping it', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const result = await execute(server, stubContext(stubs, ALICE), ADD, {
      productId: 'lonely-bird',
      quantity: 2,
    });

    // Assess
    expect(result.errors?.[0]).toMatchObject({
      message: 'The cart already holds 98; a line holds at most 99',
      extensions: { code: 'BAD_USER_INPUT', field: 'quantity' },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('adds to an existing line with one write over the version it read', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const result = await execute(server, stubContext(stubs, ALICE), ADD, {
      productId: 'lonely-bird',
      quantity: 1,
    });

    // Assess
    expect(result).toEqual({
      data: {
        addToCart: {
          items: [{ product: { id: 'lonely-bird' }, quantity: 99 }],
          itemCount: 99,
          subtotal: 99 * 2999,
          updatedAt: SAVED_AT,
        },
      },
    });
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
    expect(stubs.carts.save).toHaveBeenCalledWith(
      { userId: 'alice', items: [{ productId: 'lonely-bird', quantity: 98 }], version: 4 },
      expect.objectContaining({ items: [{ productId: 'lonely-bird', quantity: 99 }] }),
    );
  });

  test('appends a new line with the default quantity of one', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const result = await execute(server, stubContext(stubs, ALICE), ADD, { productId: 'rare' });

    // Assess
    expect(result.data).toEqual({
      addToCart: {
        items: [
          { product: { id: 'lonely-bird' }, quantity: 98 },
          { product: { id: 'rare' }, quantity: 1 },
        ],
        itemCount: 99,
        subtotal: 98 * 2999 + 500,
        updatedAt: SAVED_AT,
      },
    });
  });
});
