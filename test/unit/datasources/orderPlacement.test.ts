import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OrderRecord } from '../../../src/datasources/models';
import { OrderStore } from '../../../src/datasources/OrderStore';
import { cancelled, fakeDocumentClient } from '../../support/fakeDynamo';

const ORDER: OrderRecord = {
  userId: 'alice',
  id: 'order-1',
  items: [
    { productId: 'bird', name: 'Lonely Bird', price: 2999, quantity: 2, lineTotal: 5998 },
    { productId: 'friend', name: 'Solid Friendship', price: 1999, quantity: 1, lineTotal: 1999 },
  ],
  discountPercentage: 0,
  subtotal: 7997,
  discount: 0,
  total: 7997,
  itemCount: 3,
  status: 'PLACED',
  createdAt: '2026-11-22T10:00:00.000Z',
  cartFingerprint: 'fingerprint',
};

/** A store whose one TransactWriteItems call answers with `failure` (or succeeds without one). */
function storeFailingWith(failure?: Error) {
  const sent: TransactWriteCommand[] = [];
  const send = jest.fn(async (command: TransactWriteCommand) => {
    sent.push(command);
    if (failure) throw failure;
    return {};
  });
  const client = fakeDocumentClient(send);
  return {
    store: new OrderStore(client, 'orders', {
      products: 'products',
      carts: 'carts',
      promotions: 'promotions',
    }),
    sent,
  };
}

function namedError(name: string): Error {
  const error = new Error(`${name} from the SDK`);
  error.name = name;
  return error;
}

describe('OrderStore.place', () => {
  test('sends one transaction: a conditional stock update per line (in stock, same price, not archived), the order, then the cart (no promotion item without a code)', async () => {
    // Prepare
    const { store, sent } = storeFailingWith();

    // Act
    const result = await store.place({ order: ORDER, cartVersion: 7 });

    // Assess
    expect(result).toEqual({ outcome: 'placed' });
    const items = sent[0]?.input.TransactItems ?? [];
    expect(items).toHaveLength(4);
    expect(items[0]?.Update).toMatchObject({
      TableName: 'products',
      Key: { id: 'bird' },
      UpdateExpression: 'SET #stock = #stock - :quantity',
      ConditionExpression: '#stock >= :quantity AND #price = :price AND attribute_not_exists(#archived)',
      ExpressionAttributeValues: { ':quantity': 2, ':price': 2999 },
    });
    expect(items[2]?.Put).toMatchObject({
      TableName: 'orders',
      Item: { ...ORDER, createdKey: '2026-11-22T10:00:00.000Z#order-1' },
      ConditionExpression: 'attribute_not_exists(#id)',
    });
    expect(items[3]?.Put).toMatchObject({
      TableName: 'carts',
      Item: { userId: 'alice', items: [], version: 8, updatedAt: ORDER.createdAt },
      ConditionExpression: '#version = :version',
      ExpressionAttributeValues: { ':version': 7 },
    });
  });

  test('counts the use of the order’s promotion code as the last item, if the code is active, has uses left and its terms are those priced', async () => {
    // Prepare
    const { store, sent } = storeFailingWith();

    // Act
    const result = await store.place({
      order: { ...ORDER, promotionCode: 'WELCOME10' },
      cartVersion: 7,
      promotion: { code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 },
    });

    // Assess: the lines, the order, the cart, then the promotion.
    expect(result).toEqual({ outcome: 'placed' });
    const items = sent[0]?.input.TransactItems ?? [];
    expect(items).toHaveLength(5);
    expect(items[3]?.Put).toMatchObject({ TableName: 'carts' });
    expect(items[4]).toEqual({
      Update: {
        TableName: 'promotions',
        Key: { code: 'WELCOME10' },
        UpdateExpression: 'ADD #timesUsed :one',
        ConditionExpression:
          'attribute_exists(#code) AND (attribute_not_exists(#active) OR #active = :true) AND ' +
          '(attribute_not_exists(#usageLimit) OR attribute_not_exists(#timesUsed) OR #timesUsed < #usageLimit) AND ' +
          '(attribute_not_exists(#kind) OR (#kind = :kind AND #value = :value))',
        ExpressionAttributeNames: {
          '#code': 'code',
          '#active': 'active',
          '#usageLimit': 'usageLimit',
          '#timesUsed': 'timesUsed',
          '#kind': 'kind',
          '#value': 'value',
        },
        ExpressionAttributeValues: { ':one': 1, ':true': true, ':kind': 'PERCENTAGE', ':value': 10 },
      },
    });
  });

  // With a code, the promotion's reason follows: bird, friend, the order, the cart, the promotion.
  test.each([
    [
      'the promotion was deactivated or used up',
      cancelled('None', 'None', 'None', 'None', 'ConditionalCheckFailed'),
      { outcome: 'promotionChanged' },
    ],
    [
      'the promotion changed and a line’s stock moved (the promotion is read again first)',
      cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'ConditionalCheckFailed'),
      { outcome: 'promotionChanged' },
    ],
    [
      'the cart moved as well as the promotion',
      cancelled('None', 'None', 'None', 'ConditionalCheckFailed', 'ConditionalCheckFailed'),
      { outcome: 'cartChanged' },
    ],
    [
      'the order exists as well as the promotion changed',
      cancelled('None', 'None', 'ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'),
      { outcome: 'orderExists' },
    ],
  ])('with a promotion code, reports "%s" as its outcome', async (_what, failure, outcome) => {
    // Prepare
    const { store } = storeFailingWith(failure);

    // Act
    const result = await store.place({
      order: { ...ORDER, promotionCode: 'WELCOME10' },
      cartVersion: 7,
      promotion: { code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 },
    });

    // Assess
    expect(result).toEqual(outcome);
  });

  // A cancellation lists its reasons in request order: bird, friend, the order, the cart.
  test.each([
    [
      'the order exists (whatever else failed)',
      cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed', 'ConditionalCheckFailed'),
      { outcome: 'orderExists' },
    ],
    [
      'the cart moved (a stock verdict on stale lines is moot)',
      cancelled('ConditionalCheckFailed', 'None', 'None', 'ConditionalCheckFailed'),
      { outcome: 'cartChanged' },
    ],
    [
      'a line’s stock or price moved',
      cancelled('None', 'ConditionalCheckFailed', 'None', 'None'),
      { outcome: 'productsChanged', productIds: ['friend'] },
    ],
    [
      'another transaction held an item',
      cancelled('TransactionConflict', 'None', 'None', 'None'),
      { outcome: 'contention' },
    ],
    [
      'an item was throttled',
      cancelled('None', 'None', 'ThrottlingError', 'None'),
      { outcome: 'contention' },
    ],
    ['DynamoDB throttled the whole request', namedError('ThrottlingException'), { outcome: 'contention' }],
    ['the request timed out', namedError('TimeoutError'), { outcome: 'contention' }],
  ])('reports "%s" as its outcome', async (_what, failure, outcome) => {
    // Prepare
    const { store } = storeFailingWith(failure);

    // Act
    const result = await store.place({ order: ORDER, cartVersion: 7 });

    // Assess
    expect(result).toEqual(outcome);
  });

  test.each([
    ['a validation error inside the transaction', cancelled('None', 'ValidationError', 'None', 'None')],
    ['a full item collection', cancelled('None', 'None', 'ItemCollectionSizeLimitExceeded', 'None')],
    ['a missing table', namedError('ResourceNotFoundException')],
  ])('rethrows %s: a bug or a hard limit, not something to retry', async (_what, failure) => {
    // Prepare
    const { store } = storeFailingWith(failure);

    // Act
    const placing = store.place({ order: ORDER, cartVersion: 7 });

    // Assess
    await expect(placing).rejects.toBe(failure);
  });

  test('refuses an order of more lines than one transaction can hold, before sending anything', async () => {
    // Prepare
    const { store, sent } = storeFailingWith();
    const line = { productId: 'p', name: 'P', price: 1, quantity: 1, lineTotal: 1 };
    const items = Array.from({ length: 99 }, (_unused, index) => ({ ...line, productId: `p${index}` }));

    // Act
    const placing = store.place({ order: { ...ORDER, items }, cartVersion: 1 });

    // Assess
    await expect(placing).rejects.toThrow(RangeError);
    expect(sent).toEqual([]);
  });
});
