import { bodyWithoutCost, costExtensions } from '../../support/cost';
import { graphqlPost, lambdaContext, type LambdaResult } from '../../support/events';
import { LONELY_BIRD } from '../../support/fixtures';
import { expectRatingsExact, storedRatings } from '../../support/ratings';
import { startRestartableDynamo, type RestartableDynamo } from '../../support/restartableDynamo';
import { createTestApp, type TestApp } from '../../support/testApp';

/**
 * DynamoDB becomes unreachable (its own DynamoDB Local, stopped) while the API serves requests,
 * then comes back on the same port with the same data. The steps run in order: each builds on
 * the state the previous one left.
 */
let dynamo: RestartableDynamo;
let app: TestApp;
let token: string;

const PRODUCT = LONELY_BIRD.id;
const ADD_COMMENT = `mutation { addComment(productId: "${PRODUCT}", text: "Still here", rating: 4) { id } }`;
const ADD_TO_CART = `mutation { addToCart(productId: "${PRODUCT}", quantity: 1) { itemCount } }`;

const WRITES_AND_READS = [
  { name: 'a catalogue read', query: '{ products(first: 5) { nodes { id name } } }' },
  { name: 'a product read', query: `{ product(id: "${PRODUCT}") { name commentCount } }` },
  { name: 'a cart read', query: '{ cart { itemCount total } }' },
  { name: 'a cart write', query: ADD_TO_CART },
  { name: 'a comment (a transaction)', query: ADD_COMMENT },
  {
    name: 'a whole-cart save',
    query: `mutation { saveCart(input: { items: [{ productId: "${PRODUCT}", quantity: 3 }] }) { itemCount } }`,
  },
];

beforeAll(async () => {
  dynamo = await startRestartableDynamo();
  app = await createTestApp({ dynamodb: { region: 'us-east-1', endpoint: dynamo.endpoint } });
  await app.putProduct({ ...LONELY_BIRD, stock: 99 });
  token = app.tokenFor('outage-shopper', 'Shopper');
}, 60_000);

afterAll(async () => {
  app.db.destroy();
  await dynamo.dispose();
});

function body(result: LambdaResult): {
  data?: unknown;
  errors?: Array<{ extensions?: Record<string, unknown> }>;
} {
  return JSON.parse(result.body ?? '') as ReturnType<typeof body>;
}

/**
 * Every comment row of the product agrees with the counters the same transaction updates, and its
 * authors' ratings (all 4) with the rating counters: one per author.
 */
async function expectCommentsConsistent(): Promise<number> {
  const stored = await storedRatings(app, PRODUCT);
  expectRatingsExact(stored);
  expect(stored.ratings.every(({ rating }) => rating === 4)).toBe(true);
  expect(stored.ratings).toHaveLength(new Set(stored.comments.map(({ authorId }) => authorId)).size);
  return stored.comments.length;
}

describe('a DynamoDB outage', () => {
  let beforeOutage: Awaited<ReturnType<TestApp['snapshot']>>;

  test('step 1: before it, reads and writes succeed', async () => {
    // Act
    const results = await Promise.all([
      app.graphql({ query: ADD_TO_CART }, { token }),
      app.graphql({ query: ADD_COMMENT }, { token }),
    ]);

    // Assess
    for (const result of results) expect(result.body.errors).toBeUndefined();
    beforeOutage = await app.snapshot();
    expect(await expectCommentsConsistent()).toBe(1);
  });

  test('step 2: while it lasts, every request gets a masked INTERNAL_SERVER_ERROR, quickly', async () => {
    // Prepare
    await dynamo.stop();

    // Act
    const started = Date.now();
    const results = await Promise.all(
      WRITES_AND_READS.map(({ query }, index) =>
        app.handler(graphqlPost({ query }, { token }), lambdaContext(`outage-${index}`)),
      ),
    );
    const elapsed = Date.now() - started;

    // Assess
    results.forEach((result, index) => {
      expect(result.statusCode).toBe(200);
      expect(body(result).errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: `outage-${index}` },
        }),
      ]);
      expect(bodyWithoutCost(result.body)).not.toMatch(
        /ECONNREFUSED|127\.0\.0\.1|socket|dynamodb|\bat .+:\d+:\d+/i,
      );
    });
    // The SDK's three attempts against a refused connection take well under the Lambda timeout.
    expect(elapsed).toBeLessThan(5_000);
  });

  test('step 3: once it is back, nothing was written by the failed requests and requests succeed again', async () => {
    // Prepare
    await dynamo.start();

    // Act
    const snapshot = await app.snapshot();
    const cart = await app.graphql<{ cart: { itemCount: number } }>(
      { query: '{ cart { itemCount } }' },
      { token },
    );

    // Assess
    expect(snapshot).toEqual(beforeOutage);
    expect(cart.body).toEqual({ data: { cart: { itemCount: 1 } }, extensions: costExtensions() });
  });

  test('step 4: an outage in the middle of a burst of writes leaves no partial write behind', async () => {
    // Prepare
    const before = await expectCommentsConsistent();
    const results: LambdaResult[] = [];
    let stopped: Promise<void> | undefined;

    // Act: four clients comment in a loop; DynamoDB goes away once three comments are in, while
    // the other clients' requests are in flight. Each comment is a user of its own: one user may
    // comment only 5 times a minute.
    await Promise.all(
      Array.from({ length: 4 }, async (_, client) => {
        for (let attempt = 0; attempt < 6; attempt += 1) {
          const commenter = app.tokenFor(`outage-commenter-${client}-${attempt}`, 'Commenter');
          const event = graphqlPost({ query: ADD_COMMENT }, { token: commenter });
          const result = await app.handler(event, lambdaContext(`burst-${client}-${attempt}`));
          results.push(result);
          if (results.length === 3) stopped = dynamo.stop();
        }
      }),
    );
    await stopped;
    await dynamo.start();

    // Assess: each request succeeded or was masked, and each comment exists with its counters or
    // not at all (a comment whose response was lost in the crash may exist without a success).
    const succeeded = results.filter((result) => body(result).errors === undefined).length;
    const failed = results.filter((result) =>
      body(result).errors?.every((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR'),
    ).length;
    expect(succeeded).toBeGreaterThanOrEqual(3);
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(succeeded + failed).toBe(results.length);
    const added = (await expectCommentsConsistent()) - before;
    expect(added).toBeGreaterThanOrEqual(succeeded);
    expect(added).toBeLessThanOrEqual(results.length);
  });

  test('step 5: after recovery, the API reads and writes as before', async () => {
    // Act
    const comment = await app.graphql({ query: ADD_COMMENT }, { token });
    const product = await app.graphql<{ product: { commentCount: number } }>({
      query: `{ product(id: "${PRODUCT}") { commentCount } }`,
    });

    // Assess
    expect(comment.body.errors).toBeUndefined();
    expect(product.body.data?.product.commentCount).toBe(await expectCommentsConsistent());
  });
});
