import { createApolloServer } from '../../../src/graphql/server';
import { ALICE, execute, product, stubContext, stubStores } from '../../support/stubContext';

const server = createApolloServer({ production: false, enableSandbox: false });

afterAll(() => server.stop());

const PAGE_QUERY = '{ products(first: 10) { nodes { id isSelected } } }';

function storesWithAliceCart() {
  return stubStores({
    products: [product({ id: 'a', name: 'Alpha' }), product({ id: 'b', name: 'Bravo' })],
    carts: [{ userId: 'alice', items: [{ productId: 'b', quantity: 1 }], version: 1 }],
  });
}

describe('Product.isSelected', () => {
  test('is false for every product of an anonymous caller, without reading any cart', async () => {
    // Prepare
    const stores = storesWithAliceCart();

    // Act
    const result = await execute(server, stubContext(stores, null), PAGE_QUERY);

    // Assess
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      products: {
        nodes: [
          { id: 'a', isSelected: false },
          { id: 'b', isSelected: false },
        ],
      },
    });
    expect(stores.carts.getForUser).not.toHaveBeenCalled();
    expect(stores.carts.getLatest).not.toHaveBeenCalled();
  });

  test('is true exactly for the products in the signed-in caller’s own cart', async () => {
    // Prepare
    const stores = storesWithAliceCart();

    // Act
    const result = await execute(server, stubContext(stores, ALICE), PAGE_QUERY);

    // Assess
    expect(result.data).toEqual({
      products: {
        nodes: [
          { id: 'a', isSelected: false },
          { id: 'b', isSelected: true },
        ],
      },
    });
    expect(new Set(stores.carts.getForUser.mock.calls.map(([userId]) => userId))).toEqual(new Set(['alice']));
  });

  test('reads the cart of the token’s user, not anyone else’s', async () => {
    // Prepare
    const stores = storesWithAliceCart();

    // Act
    const result = await execute(
      server,
      stubContext(stores, { userId: 'bob', displayName: 'Bob', staff: false }),
      '{ product(id: "b") { isSelected } }',
    );

    // Assess
    expect(result.data).toEqual({ product: { isSelected: false } });
    expect(stores.carts.getForUser).toHaveBeenCalledWith('bob');
  });
});
