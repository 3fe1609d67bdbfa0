import { useTestApp } from '../../support/fixtures';

/**
 * The cost limit must see every connection's real page size: a `first` given as a variable, as a
 * variable's default, or left to the schema's default multiplies the work exactly as a literal.
 */
const NESTED = `query Nested($n: Int) {
  products(first: $n) { nodes { comments(first: $n) { nodes { product { comments(first: $n) { nodes { id text } } } } } } }
}`;

const app = useTestApp();

describe('the cost limit', () => {
  test('refuses nested pages whose size comes from a variable, before reading anything', async () => {
    const refused = await app.graphql({ query: NESTED, variables: { n: 100 } });
    const allowed = await app.graphql({ query: NESTED, variables: { n: 2 } });
    // The same document again: its verdicts are remembered per page size, never mixed up.
    const refusedAgain = await app.graphql({ query: NESTED, variables: { n: 100 } });

    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.body.errors?.[0]?.message).toMatch(/Cost limit of 50000 exceeded/);
    expect(refused.body.data).toBeUndefined();
    expect(allowed.status).toBe(200);
    expect(refusedAgain.status).toBe(400);
  });

  test('counts a variable’s default value like a value that was sent', async () => {
    const query = NESTED.replace('$n: Int', '$n: Int = 100');

    const response = await app.graphql({ query });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('counts an omitted first at the schema’s default page size', async () => {
    // Within the depth limit: 20 products × 10 comments × 10 comments, every page at its default.
    const deep = `{ products { nodes { id name comments { nodes { product { comments { nodes {
      id text author rating createdAt } } } } } } } }`;

    const response = await app.graphql({ query: deep });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/Cost limit of 50000 exceeded/);
  });
});
