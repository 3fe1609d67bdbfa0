import type { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, queryPage, type PagedQuery } from '../../../src/datasources/pagedQuery';
import { InvalidCursorError } from '../../../src/shared/errors';
import { fakeDocumentClient } from '../../support/fakeDynamo';

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The product store's cursor fields: the catalogue index's sort key, then the table's key. */
const PRODUCT_FIELDS = ['sortName', 'id'] as const;

describe('cursors', () => {
  test('decode to the key they were encoded from', () => {
    // Prepare
    const key = { sortName: 'lonely bird', id: 'lonely-bird' };

    // Act
    const decoded = decodeCursor('product', encodeCursor('product', key), PRODUCT_FIELDS);

    // Assess
    expect(decoded).toEqual(key);
  });

  test('survive keys with non-ASCII text and URL-unsafe characters', () => {
    // Prepare
    const key = { commentKey: '2026-11-22T10:00:00.000Z#tête-à-tête/?+ü🙂' };

    // Act
    const cursor = encodeCursor('comment', key);
    const decoded = decodeCursor('comment', cursor, ['commentKey'] as const);

    // Assess
    expect(decoded).toEqual(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('are opaque: the key is not readable in the cursor text', () => {
    // Act
    const cursor = encodeCursor('product', { sortName: 'lonely bird', id: 'lonely-bird' });

    // Assess
    expect(cursor).not.toContain('lonely-bird');
  });

  test.each([
    { what: 'an empty string', cursor: '' },
    { what: 'text that is not base64 JSON', cursor: 'garbage' },
    { what: 'base64 of non-JSON', cursor: Buffer.from('{not json').toString('base64url') },
    { what: 'a JSON string', cursor: encodeJson('product') },
    { what: 'a JSON array', cursor: encodeJson([{ c: 'product' }]) },
    { what: 'JSON null', cursor: encodeJson(null) },
    { what: 'another collection’s cursor', cursor: encodeCursor('comment', { sortName: 'a', id: 'a' }) },
    { what: 'a key that is not an object', cursor: encodeJson({ c: 'product', k: 'a' }) },
    { what: 'a key missing a field', cursor: encodeJson({ c: 'product', k: { sortName: 'a' } }) },
    {
      what: 'a key with an extra field',
      cursor: encodeJson({ c: 'product', k: { sortName: 'a', id: 'a', x: 'y' } }),
    },
    { what: 'a key with an empty field', cursor: encodeJson({ c: 'product', k: { sortName: '', id: 'a' } }) },
    { what: 'a key with a number field', cursor: encodeJson({ c: 'product', k: { sortName: 'a', id: 7 } }) },
    {
      what: 'a key too long to be a DynamoDB key',
      cursor: encodeJson({ c: 'product', k: { sortName: 'a', id: 'x'.repeat(3000) } }),
    },
    {
      what: 'a key smuggling a DynamoDB attribute value',
      cursor: encodeJson({ c: 'product', k: { sortName: 'a', id: { S: 'a' } } }),
    },
  ])('are refused with InvalidCursorError when they are $what', ({ cursor }) => {
    // Act
    const decode = () => decodeCursor('product', cursor, PRODUCT_FIELDS);

    // Assess
    expect(decode).toThrow(InvalidCursorError);
    expect(decode).toThrow('The cursor is not one this API issued');
  });
});

interface OrderItem {
  userId: string;
  createdKey: string;
  id: string;
  total: number;
}

/** One caller's orders, newest first, as OrderStore pages them. */
const ORDERS: PagedQuery<OrderItem, { id: string; total: number }> = {
  collection: 'order',
  input: {
    TableName: 'orders',
    IndexName: 'byCreatedAt',
    KeyConditionExpression: '#userId = :userId',
    ExpressionAttributeNames: { '#userId': 'userId' },
    ExpressionAttributeValues: { ':userId': 'alice' },
    ScanIndexForward: false,
  },
  partition: { userId: 'alice' },
  cursorFields: ['createdKey', 'id'],
  toNode: ({ id, total }) => ({ id, total }),
};

function order(day: number): OrderItem {
  return { userId: 'alice', createdKey: `2026-11-${day}T10:00:00.000Z#o${day}`, id: `o${day}`, total: day };
}

/** A client whose every Query answers with `items`; `inputs` are the Queries it was sent. */
function clientAnswering(items: OrderItem[] | undefined) {
  const inputs: Array<QueryCommand['input']> = [];
  const send = jest.fn(async (command: QueryCommand) => {
    inputs.push(command.input);
    return { Items: items };
  });
  return { client: fakeDocumentClient(send), inputs };
}

describe('queryPage', () => {
  test('reads first + 1 items from the start of the partition when no cursor is given', async () => {
    // Prepare
    const { client, inputs } = clientAnswering([]);

    // Act
    await queryPage(client, ORDERS, { first: 2 });

    // Assess
    expect(inputs).toEqual([{ ...ORDERS.input, Limit: 3 }]);
    expect(inputs[0]).not.toHaveProperty('ExclusiveStartKey');
  });

  test('continues after the cursor: the partition and the cursor’s key are the ExclusiveStartKey', async () => {
    // Prepare
    const { client, inputs } = clientAnswering([]);
    const after = encodeCursor('order', { createdKey: '2026-11-22T10:00:00.000Z#o22', id: 'o22' });

    // Act
    await queryPage(client, ORDERS, { first: 5, after });

    // Assess
    expect(inputs).toEqual([
      {
        ...ORDERS.input,
        ExclusiveStartKey: { userId: 'alice', createdKey: '2026-11-22T10:00:00.000Z#o22', id: 'o22' },
        Limit: 6,
      },
    ]);
  });

  test('answers first items, each with the cursor of its key, and a next page when the extra item came', async () => {
    // Prepare
    const { client } = clientAnswering([order(23), order(22), order(21)]);

    // Act
    const page = await queryPage(client, ORDERS, { first: 2 });

    // Assess
    expect(page).toEqual({
      edges: [
        {
          cursor: encodeCursor('order', { createdKey: order(23).createdKey, id: 'o23' }),
          node: { id: 'o23', total: 23 },
        },
        {
          cursor: encodeCursor('order', { createdKey: order(22).createdKey, id: 'o22' }),
          node: { id: 'o22', total: 22 },
        },
      ],
      hasNextPage: true,
    });
  });

  test.each([
    { what: 'exactly first items', items: [order(23), order(22)], nodes: 2 },
    { what: 'fewer items', items: [order(23)], nodes: 1 },
    { what: 'no Items at all', items: undefined, nodes: 0 },
  ])('has no next page when the Query returned $what', async ({ items, nodes }) => {
    // Prepare
    const { client } = clientAnswering(items);

    // Act
    const page = await queryPage(client, ORDERS, { first: 2 });

    // Assess
    expect(page.edges).toHaveLength(nodes);
    expect(page.hasNextPage).toBe(false);
  });

  test('continues the next page right after the last item of the one before', async () => {
    // Prepare
    const { client, inputs } = clientAnswering([order(23), order(22), order(21)]);
    const firstPage = await queryPage(client, ORDERS, { first: 2 });

    // Act
    await queryPage(client, ORDERS, { first: 2, after: firstPage.edges.at(-1)?.cursor });

    // Assess
    expect(inputs[1]?.ExclusiveStartKey).toEqual({
      userId: 'alice',
      createdKey: order(22).createdKey,
      id: 'o22',
    });
  });

  test('refuses a cursor of another collection with InvalidCursorError, sending nothing', async () => {
    // Prepare
    const { client, inputs } = clientAnswering([]);
    const after = encodeCursor('product', { sortName: 'lonely bird', id: 'lonely-bird' });

    // Act
    const reading = queryPage(client, ORDERS, { first: 2, after });

    // Assess
    await expect(reading).rejects.toThrow(InvalidCursorError);
    expect(inputs).toEqual([]);
  });
});
