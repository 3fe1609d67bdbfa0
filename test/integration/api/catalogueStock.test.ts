import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { freshProduct, shopper, staffMember, useTestApp } from '../../support/fixtures';
import {
  ADJUST_STOCK,
  ARCHIVE_PRODUCT,
  productAs,
  UPDATE_PRODUCT,
  viewOf,
  type AdjustStockData,
} from '../../support/catalogue';
import type { GraphQLRequest } from '../../support/events';
import {
  checkoutRequest,
  count,
  fillCart,
  newKey,
  outcomeOf,
  recordPlacements,
  stockOf,
  storedOrders,
} from '../../support/orders';
import { dataOf, errorCodes, uniqueId } from '../../support/storeApi';
import type { GraphQLResponse } from '../../support/testApp';

const app = useTestApp();

afterEach(() => jest.restoreAllMocks());

function adjustStock(
  productId: string,
  delta: number,
  expectedStock?: number,
  token = staffMember(app).token,
) {
  return app.graphql<AdjustStockData>(
    { query: ADJUST_STOCK, variables: { productId, delta, expectedStock } },
    { token },
  );
}

/** One back office's adjustments, each sent once the one before it was answered. */
async function adjustInSequence(productId: string, deltas: number[], token: string) {
  const results: Array<{ delta: number; response: GraphQLResponse<AdjustStockData> }> = [];
  for (const delta of deltas)
    results.push({ delta, response: await adjustStock(productId, delta, undefined, token) });
  return results;
}

describe('adjustStock', () => {
  test('+5 adds five units, which shoppers see at once', async () => {
    // Prepare
    const product = await freshProduct(app, 'restocked', { stock: 10 });

    // Act
    const response = await adjustStock(product.id, 5);

    // Assess
    expect(dataOf(response).adjustStock).toEqual({ ...viewOf(product), stock: 15 });
    expect(await stockOf(app, product)).toEqual([15]);
    expect((await productAs(app, product.id, shopper(app).token))?.stock).toBe(15);
  });

  test('removing exactly the stock leaves 0', async () => {
    // Prepare
    const product = await freshProduct(app, 'emptied', { stock: 3 });

    // Act
    const response = await adjustStock(product.id, -3);

    // Assess
    expect(dataOf(response).adjustStock.stock).toBe(0);
    expect(await stockOf(app, product)).toEqual([0]);
  });

  test.each([
    { label: 'removing more than in stock', stock: 3, delta: -4 },
    { label: 'adding past 2147483647', stock: 2147483646, delta: 2 },
  ])(
    '$label is BAD_USER_INPUT with the actual stock, and the stock is unchanged',
    async ({ stock, delta }) => {
      // Prepare
      const product = await freshProduct(app, 'bounded', { stock });
      const before = await app.snapshot();

      // Act
      const response = await adjustStock(product.id, delta);

      // Assess
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'delta', actualStock: stock });
      expect(response.body.data).toBeNull();
      expect(await app.snapshot()).toEqual(before);
    },
  );

  test('with expectedStock equal to the stock, the change applies', async () => {
    // Prepare
    const product = await freshProduct(app, 'counted', { stock: 10 });

    // Act
    const response = await adjustStock(product.id, -2, 10);

    // Assess
    expect(dataOf(response).adjustStock.stock).toBe(8);
    expect(await stockOf(app, product)).toEqual([8]);
  });

  test('with expectedStock other than the stock, CONFLICT with the actual stock, and nothing changes', async () => {
    // Prepare
    const product = await freshProduct(app, 'recounted', { stock: 10 });
    const before = await app.snapshot();

    // Act
    const response = await adjustStock(product.id, 1, 9);

    // Assess
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'expectedStock', actualStock: 10 });
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    { label: 'delta 0', delta: 0, expectedStock: undefined, field: 'delta' },
    { label: 'a negative expectedStock', delta: 1, expectedStock: -1, field: 'expectedStock' },
  ])(
    '$label is BAD_USER_INPUT naming $field, and writes nothing',
    async ({ delta, expectedStock, field }) => {
      // Prepare
      const product = await freshProduct(app, 'unmoved', { stock: 10 });
      const before = await app.snapshot();

      // Act
      const response = await adjustStock(product.id, delta, expectedStock);

      // Assess
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field });
      expect(await app.snapshot()).toEqual(before);
    },
  );

  test('an unknown product is NOT_FOUND and writes nothing', async () => {
    // Prepare
    const before = await app.snapshot();

    // Act
    const response = await adjustStock(uniqueId('missing'), 5);

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'productId' });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('adjustStock against concurrent checkouts', () => {
  test('10 checkouts of 2, 10 removals and 5 additions at once: the stock adds up, never negative, and no refusal is a 500', async () => {
    // Prepare: demand (20 + 10 units) exceeds supply (20 + 5), so some requests must be refused.
    const product = await freshProduct(app, 'contested', { stock: 20 });
    const buyers = Array.from({ length: 10 }, () => shopper(app));
    await Promise.all(buyers.map((buyer) => fillCart(app, buyer, [[product, 2]])));
    const staff = staffMember(app);
    const placements = recordPlacements();

    // Act: every checkout at once, while 5 back offices each send -1, +1, -1 one after the other,
    // so adjustments keep landing while the checkouts read and write.
    const [checkouts, offices] = await Promise.all([
      Promise.all(buyers.map((buyer) => checkoutRequest(app, buyer, newKey()))),
      Promise.all(Array.from({ length: 5 }, () => adjustInSequence(product.id, [-1, 1, -1], staff.token))),
    ]);

    // Assess
    const adjustments = offices.flat();
    const removals = adjustments.filter(({ delta }) => delta < 0).map(({ response }) => response);
    const additions = adjustments.filter(({ delta }) => delta > 0).map(({ response }) => response);
    const all = [...checkouts, ...removals, ...additions];
    expect(all.map((response) => response.status)).toEqual(all.map(() => 200));
    const checkoutOutcomes = checkouts.map(outcomeOf);
    const removalOutcomes = removals.map(outcomeOf);
    expect(
      checkoutOutcomes.filter((outcome) => !['OK', 'OUT_OF_STOCK', 'CONFLICT'].includes(outcome)),
    ).toEqual([]);
    expect(removalOutcomes.filter((outcome) => !['OK', 'BAD_USER_INPUT'].includes(outcome))).toEqual([]);
    expect(additions.map(outcomeOf)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    const orders = count(checkoutOutcomes, 'OK');
    const removed = count(removalOutcomes, 'OK');
    expect(orders * 2 + removed).toBeLessThan(30);
    const [finalStock] = await stockOf(app, product);
    expect(finalStock).toBe(20 - 2 * orders - removed + 5);
    expect(finalStock).toBeGreaterThanOrEqual(0);
    for (const response of [...removals, ...additions].filter((r) => outcomeOf(r) === 'OK')) {
      expect(dataOf(response).adjustStock.stock).toBeGreaterThanOrEqual(0);
    }
    const placed = await Promise.all(buyers.map((buyer) => storedOrders(app, buyer.userId)));
    expect(placed.flat()).toHaveLength(orders);
    expect(count(placements, 'placed')).toBe(orders);
    console.info(
      `stock race: ${orders} orders, ${count(checkoutOutcomes, 'OUT_OF_STOCK')} OUT_OF_STOCK, ` +
        `${count(checkoutOutcomes, 'CONFLICT')} CONFLICT; ${removed}/10 removals; final stock ${finalStock}; ` +
        `transactions: ${placements.length} (${count(placements, 'productsChanged')} stock moved)`,
    );
  });

  /**
   * DynamoDB refuses a plain write to an item that a transaction (a checkout) holds with
   * TransactionConflictException, which the SDK does not retry. DynamoDB Local runs transactions
   * one at a time and never reports it, so it is injected here, as DynamoDB would answer.
   */
  test.each([
    {
      operation: 'adjustStock',
      request: (id: string): GraphQLRequest => ({
        query: ADJUST_STOCK,
        variables: { productId: id, delta: 2 },
      }),
      applied: { stock: 12 },
    },
    {
      operation: 'updateProduct',
      request: (id: string): GraphQLRequest => ({
        query: UPDATE_PRODUCT,
        variables: { id, input: { price: 1500 } },
      }),
      applied: { price: 1500 },
    },
    {
      operation: 'archiveProduct',
      request: (id: string): GraphQLRequest => ({ query: ARCHIVE_PRODUCT, variables: { id } }),
      applied: { archived: true },
    },
  ])(
    '$operation meeting a checkout transaction in flight is retried or a retryable CONFLICT, never INTERNAL_SERVER_ERROR',
    async ({ request, applied }) => {
      // Prepare: the first write to the product meets a transaction in progress. A single-item
      // write fails with TransactionConflictException; a transaction (a change of what the
      // listings hold: price, archiving) is cancelled with the reason TransactionConflict.
      const product = await freshProduct(app, 'held', { stock: 10, price: 1000 });
      const send = DynamoDBDocumentClient.prototype.send;
      let conflicts = 0;
      jest.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(function (
        this: DynamoDBDocumentClient,
        ...args: Parameters<typeof send>
      ) {
        const [command] = args;
        if (conflicts === 0 && command instanceof UpdateCommand && command.input.Key?.id === product.id) {
          conflicts += 1;
          return Promise.reject(
            new TransactionConflictException({
              message: 'Transaction is ongoing for the item',
              $metadata: {},
            }),
          );
        }
        const items = command instanceof TransactWriteCommand ? (command.input.TransactItems ?? []) : [];
        if (conflicts === 0 && items[0]?.Update?.Key?.id === product.id) {
          conflicts += 1;
          return Promise.reject(
            new TransactionCanceledException({
              message: 'Transaction cancelled',
              $metadata: {},
              CancellationReasons: items.map((_item, index) => ({
                Code: index === 0 ? 'TransactionConflict' : 'None',
              })),
            }),
          );
        }
        return send.apply(this, args);
      } as typeof send);
      const staff = staffMember(app);

      // Act
      const response = await app.graphql(request(product.id), { token: staff.token });

      // Assess
      expect(conflicts).toBe(1);
      const outcome = outcomeOf(response);
      expect(['OK', 'CONFLICT']).toContain(outcome);
      jest.restoreAllMocks();
      const expected = outcome === 'OK' ? { ...viewOf(product), ...applied } : viewOf(product);
      expect(await productAs(app, product.id, staff.token)).toEqual(expected);
    },
  );
});
