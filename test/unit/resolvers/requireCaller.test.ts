import { createApolloServer } from '../../../src/graphql/server';
import { costExtensions } from '../../support/cost';
import { execute, product, promotion, stubContext, stubStores } from '../../support/stubContext';

const server = createApolloServer({ production: false, enableSandbox: false });

afterAll(() => server.stop());

const SIGN_IN_MESSAGE = 'Sign in to use the cart or write comments';

describe('operations that need a caller', () => {
  test.each([
    { field: 'cart', operation: '{ cart { itemCount } }' },
    { field: 'saveCart', operation: 'mutation { saveCart(input: { items: [] }) { itemCount } }' },
    { field: 'addToCart', operation: 'mutation { addToCart(productId: "a") { itemCount } }' },
    {
      field: 'updateCartItem',
      operation: 'mutation { updateCartItem(productId: "a", quantity: 2) { itemCount } }',
    },
    { field: 'removeFromCart', operation: 'mutation { removeFromCart(productId: "a") { itemCount } }' },
    { field: 'applyPromotionCode', operation: 'mutation { applyPromotionCode(code: "X") { itemCount } }' },
    { field: 'addComment', operation: 'mutation { addComment(productId: "a", text: "hi") { id } }' },
  ])(
    'refuses $field for an anonymous caller with UNAUTHENTICATED and touches no store',
    async ({ field, operation }) => {
      // Prepare
      const stores = stubStores({
        products: [product({ id: 'a' })],
        promotions: [promotion({ code: 'X', kind: 'PERCENTAGE', value: 5 })],
      });

      // Act
      const result = await execute(server, stubContext(stores, null), operation);

      // Assess
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]).toMatchObject({
        message: SIGN_IN_MESSAGE,
        path: [field],
        extensions: { code: 'UNAUTHENTICATED' },
      });
      const calls = [stores.products, stores.comments, stores.carts, stores.promotions]
        .flatMap((store) => Object.values(store))
        .reduce((sum, method: jest.Mock) => sum + method.mock.calls.length, 0);
      expect(calls).toBe(0);
    },
  );

  test('refuses an anonymous caller before validating input', async () => {
    // Prepare
    const stores = stubStores();

    // Act
    const result = await execute(
      server,
      stubContext(stores, null),
      'mutation { addToCart(productId: "a", quantity: 500) { itemCount } }',
    );

    // Assess
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  test('lets anonymous callers read products and comments', async () => {
    // Prepare
    const stores = stubStores({
      products: [product({ id: 'a', name: 'Alpha' })],
      comments: [
        {
          productId: 'a',
          id: 'c1',
          authorId: 'bob',
          author: 'Bob',
          text: 'Lovely',
          rating: 5,
          createdAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    });

    // Act
    const result = await execute(
      server,
      stubContext(stores, null),
      '{ product(id: "a") { name comments { nodes { author text rating } } } }',
    );

    // Assess
    expect(result).toEqual({
      data: {
        product: { name: 'Alpha', comments: { nodes: [{ author: 'Bob', text: 'Lovely', rating: 5 }] } },
      },
      extensions: costExtensions({ dynamoDbCallLimit: null }),
    });
  });
});
