import { BAD_TOKENS } from '../../support/badTokens';
import { costExtensions } from '../../support/cost';
import { graphqlPost } from '../../support/events';
import { LONELY_BIRD, useTestApp } from '../../support/fixtures';
import type { TestApp } from '../../support/testApp';

const app = useTestApp({ products: [LONELY_BIRD] });

const PUBLIC_READ = { query: '{ products { nodes { id } } }' };
const UNAUTHENTICATED_BODY = {
  errors: [{ message: 'The token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } }],
};

/** Headers refused before any token verification: wrong scheme, empty or missing token. */
const MALFORMED_HEADERS: Array<{ what: string; authorization: (target: TestApp) => string }> = [
  { what: 'Basic credentials', authorization: () => 'Basic YWxpY2U6c2VjcmV0' },
  { what: 'Bearer with an empty token', authorization: () => 'Bearer ' },
  { what: 'the Bearer scheme alone', authorization: () => 'Bearer' },
  { what: 'a valid token without the Bearer scheme', authorization: (target) => target.tokenFor('alice') },
  { what: 'two Bearer tokens', authorization: (target) => `Bearer ${target.tokenFor('alice')}, Bearer x` },
];

describe('a request with an Authorization header', () => {
  test.each(MALFORMED_HEADERS)('is refused with 401 UNAUTHENTICATED for $what', async ({ authorization }) => {
    // Prepare
    const event = graphqlPost(PUBLIC_READ, { headers: { authorization: authorization(app) } });

    // Act
    const result = await app.invoke(event);

    // Assess
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body ?? '')).toEqual(UNAUTHENTICATED_BODY);
  });

  test.each(BAD_TOKENS)(
    'is refused with 401 UNAUTHENTICATED for $what, even for a public read',
    async ({ token }) => {
      // Prepare
      const event = graphqlPost(PUBLIC_READ, { token: token(app.signer) });

      // Act
      const result = await app.invoke(event);

      // Assess
      expect(result.statusCode).toBe(401);
      expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(result.body ?? '')).toEqual(UNAUTHENTICATED_BODY);
    },
  );

  test('accepts the Bearer scheme in any letter case', async () => {
    // Prepare
    const event = graphqlPost(PUBLIC_READ, { headers: { authorization: `bearer ${app.tokenFor('alice')}` } });

    // Act
    const result = await app.invoke(event);

    // Assess
    expect(result.statusCode).toBe(200);
  });

  test('still accepts valid tokens after refusing a token signed by an unknown key', async () => {
    // Prepare
    const unknownKey = BAD_TOKENS.find((bad) => bad.what === 'a token signed by another key');
    const refused = await app.invoke(
      graphqlPost(PUBLIC_READ, { token: unknownKey?.token(app.signer) ?? '' }),
    );

    // Act
    const accepted = await app.graphql({ query: '{ cart { itemCount } }' }, { token: app.tokenFor('carol') });

    // Assess
    expect(refused.statusCode).toBe(401);
    expect(accepted).toMatchObject({ status: 200, body: { data: { cart: { itemCount: 0 } } } });
  });

  test('with a valid token is answered with 200 as the token’s subject', async () => {
    // Prepare
    const alice = app.tokenFor('alice-valid', 'Alice');
    const bob = app.tokenFor('bob-valid', 'Bob');

    // Act
    const added = await app.graphql(
      { query: 'mutation { addToCart(productId: "lonely-bird", quantity: 2) { itemCount } }' },
      { token: alice },
    );
    const aliceCart = await app.graphql({ query: '{ cart { itemCount } }' }, { token: alice });
    const bobCart = await app.graphql({ query: '{ cart { itemCount } }' }, { token: bob });
    const comment = await app.graphql(
      { query: 'mutation { addComment(productId: "lonely-bird", text: "Lovely") { author } }' },
      { token: alice },
    );

    // Assess
    expect(added).toMatchObject({ status: 200, body: { data: { addToCart: { itemCount: 2 } } } });
    expect(aliceCart.body).toEqual({ data: { cart: { itemCount: 2 } }, extensions: costExtensions() });
    expect(bobCart.body).toEqual({ data: { cart: { itemCount: 0 } }, extensions: costExtensions() });
    expect(comment.body).toEqual({ data: { addComment: { author: 'Alice' } }, extensions: costExtensions() });
    expect((await app.scan('carts')).map((cart) => cart.userId)).toEqual(['alice-valid']);
  });
});

describe('a request without an Authorization header', () => {
  test('reads the public catalogue anonymously', async () => {
    // Act
    const result = await app.graphql({ query: '{ products { nodes { id isSelected } } }' });

    // Assess
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      data: { products: { nodes: [{ id: 'lonely-bird', isSelected: false }] } },
      extensions: costExtensions(),
    });
  });

  test('gets UNAUTHENTICATED, at the GraphQL level, for the cart', async () => {
    // Act
    const result = await app.graphql({ query: '{ cart { itemCount } }' });

    // Assess
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
