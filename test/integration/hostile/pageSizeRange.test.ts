import type { GraphQLRequest } from '../../support/events';
import { LONELY_BIRD, shopper, useTestApp } from '../../support/fixtures';
import { loggedApi } from '../../support/loggedApi';

/**
 * A page size (`first`) outside 1..100 is refused as the client's mistake before anything else
 * looks at the document's cost, whether it is a literal or a variable and at whatever depth its
 * connection sits: 400, BAD_USER_INPUT on `first`, and not a single DynamoDB call.
 */
const app = useTestApp({ products: [LONELY_BIRD] });

const NESTED_COMMENTS =
  'query Q($n: Int) { products(first: 1) { nodes { comments(first: $n) { nodes { id } } } } }';
const DEEP_COMMENTS = `query Q($n: Int) { product(id: "${LONELY_BIRD.id}") { comments(first: 1) { nodes {
  product { comments(first: $n) { nodes { id } } } } } } }`;
const ORDERS = 'query O($n: Int) { orders(first: $n) { nodes { id } } }';

interface RangeCase {
  name: string;
  request: GraphQLRequest;
  signedIn?: boolean;
}

const OUT_OF_RANGE: RangeCase[] = [
  // Also far beyond the cost limit: the page size is what the client must fix, so it is named.
  {
    name: 'products(first: 100000), literal',
    request: { query: '{ products(first: 100000) { nodes { id } } }' },
  },
  { name: 'products(first: 0), literal', request: { query: '{ products(first: 0) { nodes { id } } }' } },
  { name: 'products(first: 101), literal', request: { query: '{ products(first: 101) { nodes { id } } }' } },
  { name: 'products(first: -5), literal', request: { query: '{ products(first: -5) { nodes { id } } }' } },
  {
    name: 'products(first: $n) with $n = 101',
    request: { query: 'query P($n: Int) { products(first: $n) { nodes { id } } }', variables: { n: 101 } },
  },
  {
    name: 'products(first: $n) with a default of 500',
    request: { query: 'query P($n: Int = 500) { products(first: $n) { nodes { id } } }' },
  },
  {
    name: 'nested comments(first: $n) with $n = -1',
    request: { query: NESTED_COMMENTS, variables: { n: -1 } },
  },
  {
    name: 'nested comments(first: 101), literal, after a valid page',
    request: { query: '{ products(first: 1) { nodes { comments(first: 101) { nodes { id } } } } }' },
  },
  {
    name: 'comments(first: $n) under product → comments → product, with $n = 0',
    request: { query: DEEP_COMMENTS, variables: { n: 0 } },
  },
  {
    name: 'comments(first: 101) under products(first: 100), over the cost limit too',
    request: {
      query: '{ products(first: 100) { nodes { comments(first: 101) { nodes { text author } } } } }',
    },
  },
  {
    name: 'orders(first: 0), literal',
    request: { query: '{ orders(first: 0) { nodes { id } } }' },
    signedIn: true,
  },
  {
    name: 'orders(first: $n) with $n = 1000',
    request: { query: ORDERS, variables: { n: 1000 } },
    signedIn: true,
  },
];

describe('a page size outside 1..100', () => {
  test.each(OUT_OF_RANGE)(
    'is refused with 400 BAD_USER_INPUT on first, making no DynamoDB call: $name',
    async ({ request, signedIn }) => {
      // Prepare
      const api = loggedApi(app);
      const options = signedIn ? { token: shopper(app).token } : {};

      // Act
      const { response, log } = await api(request, options);

      // Assess
      expect(response.status).toBe(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]).toMatchObject({
        message: 'first must be between 1 and 100',
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      });
      expect(log).toMatchObject({ statusCode: 400, errorCodes: ['BAD_USER_INPUT'], dynamoCalls: 0 });
    },
  );
});

describe('a page size at a bound', () => {
  test.each([1, 100])('first: %i is served, with its one catalogue Query', async (first) => {
    // Prepare
    const api = loggedApi(app);

    // Act
    const { response, log } = await api({
      query: 'query P($n: Int) { products(first: $n) { nodes { id } } }',
      variables: { n: first },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(log).toMatchObject({ errorCodes: [], dynamoCalls: 1 });
  });
});
