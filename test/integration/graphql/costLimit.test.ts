import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { shopper, staffMember, useTestApp } from '../../support/fixtures';

/**
 * The cost limit must see every connection's real page size: a `first` given as a variable, as a
 * variable's default, or left to the schema's default multiplies the work exactly as a literal.
 * The cost is in DynamoDB calls: each connection is one Query per parent, each Comment.product one
 * read per comment.
 */
const NESTED = `query Nested($n: Int) {
  products(first: $n) { nodes { comments(first: $n) { nodes { product { comments(first: $n) { nodes { id text } } } } } } }
}`;
/** 1 catalogue Query + n × (1 comments Query + n × (1 product read + 1 comments Query)). */
const nestedCost = (n: number) => 1 + n * (1 + n * 2);

const app = useTestApp();

describe('the cost limit', () => {
  test('refuses nested pages whose size comes from a variable, before reading anything', async () => {
    const refused = await app.graphql({ query: NESTED, variables: { n: 100 } });
    const allowed = await app.graphql({ query: NESTED, variables: { n: 2 } });
    // The same document again: its verdicts are remembered per page size, never mixed up.
    const refusedAgain = await app.graphql({ query: NESTED, variables: { n: 100 } });

    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: `This query may make ${nestedCost(100)} DynamoDB calls, over the limit of ${DEFAULT_LIMITS.maxCost}: ask for smaller pages or fewer nested connections`,
      extensions: { code: 'COST_LIMIT_EXCEEDED', cost: nestedCost(100), limit: DEFAULT_LIMITS.maxCost },
    });
    expect(refused.body.data).toBeUndefined();
    expect(allowed.status).toBe(200);
    expect(allowed.body.extensions?.cost).toMatchObject({ requested: nestedCost(2) });
    expect(refusedAgain.status).toBe(400);
    expect(refusedAgain.body.errors?.[0]?.extensions?.cost).toBe(nestedCost(100));
  });

  test('counts a variable’s default value like a value that was sent', async () => {
    const query = NESTED.replace('$n: Int', '$n: Int = 100');

    const response = await app.graphql({ query });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      cost: nestedCost(100),
    });
  });

  test('counts an omitted first, and a variable never sent, at the schema’s default page size', async () => {
    // 20 products × 10 comments × (their product + its 10 comments), every page at its default.
    const omitted = `{ products { nodes { id name comments { nodes { product { comments { nodes {
      id text author rating createdAt } } } } } } } }`;
    const atDefaults = 1 + 20 * (1 + 10 * 2);

    const responses = [await app.graphql({ query: omitted }), await app.graphql({ query: NESTED })];

    expect(responses.map((response) => response.status)).toEqual([400, 400]);
    expect(responses.map((response) => response.body.errors?.[0]?.extensions?.cost)).toEqual([
      atDefaults,
      atDefaults,
    ]);
  });

  test('counts a read shared by the whole request once, however many products ask for it', async () => {
    // Every product's isSelected reads the same cart, once per request.
    const query = '{ products(first: 100) { nodes { id isSelected } } }';

    const response = await app.graphql({ query }, { token: shopper(app, 'Selector').token });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.extensions?.cost).toMatchObject({ requested: 1 + 1 });
  });

  test('multiplies what lies under a cart line by the most lines a cart may hold', async () => {
    const query = '{ cart { items { product { comments(first: 1) { nodes { id } } } } } }';

    const response = await app.graphql({ query }, { token: shopper(app, 'Liner').token });

    // The cart (its read, its products' batch, its promotion) and one comments Query per line.
    expect(response.body.errors).toBeUndefined();
    expect(response.body.extensions?.cost).toMatchObject({ requested: 3 + 97 });
  });

  test('prices the same document anew when a priced flag’s variable changes', async () => {
    // includeArchived may read the archived partition too: one more Query.
    const query =
      'query P($archived: Boolean) { products(first: 5, includeArchived: $archived) { nodes { id } } }';
    const { token } = staffMember(app);

    const live = await app.graphql({ query, variables: { archived: false } }, { token });
    const all = await app.graphql({ query, variables: { archived: true } }, { token });

    expect([live.body.extensions?.cost?.requested, all.body.extensions?.cost?.requested]).toEqual([1, 2]);
  });
});
