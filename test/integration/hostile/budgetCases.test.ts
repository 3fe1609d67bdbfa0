import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_CART_LINES } from '../../../src/domain/cartRules';
import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { createLambdaHandler } from '../../../src/transport/lambdaHandler';
import { shopper } from '../../support/fixtures';
import { loggedApi, type LoggedResponse } from '../../support/loggedApi';
import { addToCartOk, dataOf } from '../../support/storeApi';
import { HOME_PAGE } from '../../support/storefrontQueries';
import { PRODUCTS, productId, sixteenPages, UNSENT_PAGE_SIZE, useAttackedStore } from './attacks';

/**
 * The hard per-request DynamoDB budget (MAX_DYNAMODB_CALLS): whatever a document's estimated cost,
 * its variables or the per-request caches, a request never makes more DynamoDB calls than the
 * budget. The call that would exceed it is not sent; the client gets DYNAMODB_BUDGET_EXCEEDED and
 * the request log line shows exactly the budget's calls.
 */
const BUDGET = 40;
const BUDGET_CODE = 'DYNAMODB_BUDGET_EXCEEDED';
/** A cost limit that lets anything through: the budget must hold on its own. */
const NO_COST_LIMIT = Number.MAX_SAFE_INTEGER;

const { app, fullCart, cursor } = useAttackedStore();

/** Every error is the budget's refusal, naming the budget. */
function expectBudgetRefusal(response: LoggedResponse<unknown>['response'], limit: number): void {
  const refusals = (response.body.errors ?? []).map(({ message, extensions }) =>
    JSON.stringify({ message, code: extensions?.code, limit: extensions?.limit }),
  );
  expect([...new Set(refusals)].map((refusal) => JSON.parse(refusal) as unknown)).toEqual([
    {
      message: `This request needs more than ${limit} DynamoDB calls; ask for fewer items or smaller pages`,
      code: BUDGET_CODE,
      limit,
    },
  ]);
}

describe('the per-request DynamoDB budget', () => {
  test.each([
    {
      attack: 'unsent page-size variables: 20 products × their comments × 15 pages each',
      request: () => ({ query: UNSENT_PAGE_SIZE, variables: { c: cursor() } }),
      signedIn: false,
    },
    {
      attack: '16 comment pages on each of 100 products',
      request: () => ({ query: `{ products(first: 100) { nodes { ${sixteenPages(cursor())} } } }` }),
      signedIn: false,
    },
    {
      attack: '16 comment pages on each product of a full cart',
      request: () => ({ query: `{ cart { items { product { ${sixteenPages(cursor())} } } } }` }),
      signedIn: true,
    },
  ])(
    'stops an attack the cost limit let through after exactly the budget’s calls: $attack',
    async ({ request, signedIn }) => {
      // Prepare
      const api = loggedApi(app, { maxDynamoCalls: BUDGET, maxCost: NO_COST_LIMIT });

      // Act
      const { response, log } = await api(request(), signedIn ? { token: fullCart().token } : {});

      // Assess
      expectBudgetRefusal(response, BUDGET);
      expect(log.dynamoCalls).toBe(BUDGET);
      expect(log.errorCodes).toContain(BUDGET_CODE);
      expect([...new Set(log.errorCodes)]).toEqual([BUDGET_CODE]);
    },
  );

  test('answers a legitimate request within the budget in full, counting its 6 calls: 1 products Query and 5 comment Queries', async () => {
    // Prepare: one catalogue Query and, for more comments than a product item carries, one comment
    // Query per product: 6 calls.
    const request = {
      query: '{ products(first: 5) { nodes { id comments(first: 10) { nodes { text } } } } }',
    };
    const unbounded = dataOf(await app.graphql(request));
    const api = loggedApi(app, { maxDynamoCalls: BUDGET });

    // Act
    const { response, log } = await api(request);

    // Assess
    expect(response.status).toBe(200);
    expect(dataOf(response)).toEqual(unbounded);
    expect(log).toMatchObject({ statusCode: 200, errorCodes: [], dynamoCalls: 6 });
  });

  test('serves a request that needs exactly the budget, and refuses it with one call less', async () => {
    // Prepare: the same 6-call request under a budget of 6, then of 5.
    const request = {
      query: '{ products(first: 5) { nodes { id comments(first: 10) { nodes { text } } } } }',
    };

    // Act
    const exact = await loggedApi(app, { maxDynamoCalls: 6 })(request);
    const short = await loggedApi(app, { maxDynamoCalls: 5 })(request);

    // Assess
    expect(exact.response.body.errors).toBeUndefined();
    expect(exact.log).toMatchObject({ errorCodes: [], dynamoCalls: 6 });
    expectBudgetRefusal(short.response, 5);
    expect(short.log).toMatchObject({ errorCodes: [BUDGET_CODE], dynamoCalls: 5 });
  });

  test('does not limit calls made outside any request on the same client', async () => {
    // Prepare: an instance with a budget of 1, and its own DynamoDB client.
    let client: DynamoDBDocumentClient | undefined;
    createLambdaHandler(
      { ...app.config, limits: { ...app.config.limits, maxDynamoCalls: 1 } },
      { onDynamoClient: (created) => (client = created) },
    );
    const count = () => {
      if (!client) throw new Error('The handler did not hand over its DynamoDB client');
      return client.send(new ScanCommand({ TableName: app.tables.products, Select: 'COUNT' }));
    };

    // Act
    const counts = [await count(), await count(), await count()];

    // Assess
    expect(counts.map((output) => output.Count)).toEqual([PRODUCTS, PRODUCTS, PRODUCTS]);
  });

  test('refuses a checkout whose reads exhaust the budget before its transaction, writing nothing', async () => {
    // Prepare: a checkout reads the order and the cart (2 calls), then the products, then writes.
    const buyer = shopper(app, 'Buyer');
    await addToCartOk(app, buyer.token, productId(99), 2);
    const before = await app.snapshot();
    const checkout = {
      query: 'mutation Buy($key: String!) { checkout(idempotencyKey: $key) { id itemCount } }',
      variables: { key: 'budget-checkout-1' },
    };

    // Act
    const { response, log } = await loggedApi(app, { maxDynamoCalls: 2 })(checkout, { token: buyer.token });

    // Assess: refused after its two reads; no order, the stock and the cart as they were.
    expectBudgetRefusal(response, 2);
    expect(log).toMatchObject({ errorCodes: [BUDGET_CODE], dynamoCalls: 2 });
    const after = await app.snapshot();
    expect(after.orders.filter((order) => order.userId === buyer.userId)).toEqual([]);
    expect(after.products.find((product) => product.id === productId(99))).toMatchObject({ stock: 100 });
    expect(after.carts.find((cart) => cart.userId === buyer.userId)).toMatchObject({
      items: [{ productId: productId(99), quantity: 2 }],
    });
    expect(after).toEqual(before);
  });

  test('lets the same checkout through once the budget covers its 4 calls, the refused one having left nothing behind', async () => {
    // Prepare
    const buyer = shopper(app, 'Buyer');
    await addToCartOk(app, buyer.token, productId(98), 1);
    const checkout = {
      query: 'mutation Buy($key: String!) { checkout(idempotencyKey: $key) { itemCount } }',
      variables: { key: 'budget-checkout-2' },
    };
    const refused = await loggedApi(app, { maxDynamoCalls: 2 })(checkout, { token: buyer.token });
    expectBudgetRefusal(refused.response, 2);

    // Act
    const placed = await loggedApi(app, { maxDynamoCalls: 4 })(checkout, { token: buyer.token });

    // Assess: the order GetItem, the cart GetItem, the products BatchGetItem, the TransactWriteItems.
    expect(dataOf(placed.response)).toEqual({ checkout: { itemCount: 1 } });
    expect(placed.log).toMatchObject({ errorCodes: [], dynamoCalls: 4 });
  });

  test('fits the largest legitimate page: the home page at 100 products, signed in with a full cart', async () => {
    // Prepare: the default budget.
    expect(DEFAULT_LIMITS.maxDynamoCalls).toBe(200);
    const largest = HOME_PAGE.replace('products(first: 20', 'products(first: 100');

    // Act
    const { response, log } = await loggedApi(app)<{
      products: { edges: unknown[] };
      cart: { itemCount: number };
    }>({ query: largest }, { token: fullCart().token });

    // Assess: the catalogue Query, the cart, and at most one product batch; each product's first
    // comments come with it.
    const data = dataOf(response);
    expect(data.products.edges).toHaveLength(PRODUCTS);
    expect(data.cart.itemCount).toBe(MAX_CART_LINES);
    expect(log.errorCodes).toEqual([]);
    expect(log.dynamoCalls).toBeGreaterThanOrEqual(2);
    expect(log.dynamoCalls).toBeLessThanOrEqual(3);
  });
});
