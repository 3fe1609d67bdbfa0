import { apiGatewayEvent, graphqlPost } from '../../support/events';
import { LONELY_BIRD, PRODUCTION_MODE, useTestApp } from '../../support/fixtures';

/**
 * The Cache-Control header of each kind of response, from the schema's @cacheControl hints: only
 * an anonymous query of public fields may be kept by a shared cache, for the shortest max-age
 * among the fields it touched (docs/caching.md).
 */

const app = useTestApp({ config: PRODUCTION_MODE, products: [LONELY_BIRD] });

const PRODUCTS = '{ products(first: 5) { nodes { id name price isSelected } pageInfo { hasNextPage } } }';

async function headersOf(query: string, signedIn = false): Promise<Record<string, unknown>> {
  const response = await app.graphql(
    { query },
    signedIn ? { token: app.tokenFor('shopper', 'Shopper') } : {},
  );
  expect(response.status).toBeLessThan(500);
  return response.headers;
}

describe('Cache-Control', () => {
  test('lets any cache keep an anonymous products page for 60 s, varying by Authorization', async () => {
    // Act
    const headers = await headersOf(PRODUCTS);

    // Assess
    expect(headers['cache-control']).toBe('public, max-age=60');
    expect(headers.vary).toBe('authorization');
  });

  test.each([
    [
      'a product with its comments',
      '{ product(id: "lonely-bird") { name comments(first: 3) { nodes { text } } } }',
      30,
    ],
    [
      'a comment back to its product',
      '{ product(id: "lonely-bird") { comments { nodes { product { name } } } } }',
      30,
    ],
    ['stock', '{ products(first: 5) { nodes { name stock } } }', 10],
    ['an unknown product', '{ product(id: "no-such-product") { name } }', 60],
  ])('keeps the shortest max-age of the fields touched: %s', async (_name, query, maxAge) => {
    // Act
    const headers = await headersOf(query);

    // Assess
    expect(headers['cache-control']).toBe(`public, max-age=${maxAge}`);
  });

  test('makes the same products page private and unstored for a signed-in caller', async () => {
    // Act
    const headers = await headersOf(PRODUCTS, true);

    // Assess: isSelected now depends on the caller's cart.
    expect(headers['cache-control']).toBe('private, no-store');
    expect(headers.vary).toBeUndefined();
  });

  test('never stores a query that touches the cart or the orders', async () => {
    // Act
    const cart = await headersOf('{ products(first: 1) { nodes { id } } cart { itemCount } }', true);
    const orders = await headersOf('{ orders(first: 1) { nodes { id } } }', true);

    // Assess
    expect(cart['cache-control']).toBe('private, no-store');
    expect(orders['cache-control']).toBe('private, no-store');
  });

  test('never stores a mutation', async () => {
    // Act
    const headers = await headersOf(
      'mutation { addToCart(productId: "lonely-bird", quantity: 1) { itemCount } }',
      true,
    );

    // Assess
    expect(headers['cache-control']).toBe('no-store');
  });

  test.each([
    [
      'an anonymous query of the cart (UNAUTHENTICATED)',
      '{ products(first: 1) { nodes { id } } cart { itemCount } }',
    ],
    ['a query that does not validate', '{ products(first: 1) { nodes { unknownField } } }'],
    ['a query of no hinted field', '{ __typename }'],
  ])('never stores %s', async (_name, query) => {
    // Act
    const headers = await headersOf(query);

    // Assess
    expect(headers['cache-control']).toBe('no-store');
  });

  test('never stores what the transport refuses before GraphQL runs', async () => {
    // Act
    const malformed = await app.invoke(apiGatewayEvent({ body: '{"query": ' }));
    const badToken = await app.invoke(graphqlPost({ query: PRODUCTS }, { token: 'not-a-token' }));

    // Assess
    expect([malformed.statusCode, malformed.headers?.['cache-control']]).toEqual([400, 'no-store']);
    expect([badToken.statusCode, badToken.headers?.['cache-control']]).toEqual([401, 'no-store']);
  });
});
