import type { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CommentStore } from '../../../src/datasources/CommentStore';
import type { Page } from '../../../src/datasources/models';
import { OrderStore } from '../../../src/datasources/OrderStore';
import { decodeCursor } from '../../../src/datasources/pagedQuery';
import { ProductStore } from '../../../src/datasources/ProductStore';
import { fakeDocumentClient } from '../../support/fakeDynamo';

const COMMENT_KEY = '2026-11-22T10:00:00.000Z#9b2f4c1e-5d3a-4f6b-8c7d-0e1f2a3b4c5d';
const ORDER_ID = '0f3a5c7e9b1d2f4a6c8e0b2d4f6a8c0e';
const CREATED_KEY = `2026-11-22T10:00:00.000Z#${ORDER_ID}`;
const COMMENT_TABLES = {
  comments: 'comments',
  products: 'products',
  ratings: 'ratings',
  rateLimits: 'rate-limits',
};

interface Golden {
  collection: string;
  /**
   * A cursor as the code before the paged-query helper issued it (src/datasources/cursor.ts:
   * base64url of JSON `{ c: collection, k: key }`), written out: clients keep cursors across a
   * deployment, so these must keep working.
   */
  cursor: string;
  fields: readonly string[];
  key: Record<string, string>;
  /** One page through the store that issues this collection's cursors. */
  read: (client: DynamoDBDocumentClient, after?: string) => Promise<Page<unknown>>;
  /** The ExclusiveStartKey that continues the store's Query after `key`. */
  startKey: Record<string, string>;
  /** The stored item `key` locates, as the store's Query returns it. */
  item: Record<string, unknown>;
}

const GOLDEN: Golden[] = [
  {
    collection: 'product',
    cursor: 'eyJjIjoicHJvZHVjdCIsImsiOnsic29ydE5hbWUiOiJsb25lbHkgYmlyZCIsImlkIjoibG9uZWx5LWJpcmQifX0',
    fields: ['sortName', 'id'],
    key: { sortName: 'lonely bird', id: 'lonely-bird' },
    read: (client, after) =>
      new ProductStore(client, {
        products: 'products',
        productListings: 'productListings',
        categories: 'categories',
      }).list({ first: 1, after }),
    startKey: { catalogue: 'ALL', sortName: 'lonely bird', id: 'lonely-bird' },
    item: { catalogue: 'ALL', sortName: 'lonely bird', id: 'lonely-bird', name: 'Lonely Bird', price: 2999 },
  },
  {
    collection: 'comment',
    cursor:
      'eyJjIjoiY29tbWVudCIsImsiOnsiY29tbWVudEtleSI6IjIwMjYtMTEtMjJUMTA6MDA6MDAuMDAwWiM5YjJmNGMxZS01ZDNhLTRmNmItOGM3ZC0wZTFmMmEzYjRjNWQifX0',
    fields: ['commentKey'],
    key: { commentKey: COMMENT_KEY },
    read: (client, after) =>
      new CommentStore(client, COMMENT_TABLES).listForProduct(
        { id: 'lonely-bird', commentCount: 2 },
        { first: 1, after },
      ),
    startKey: { productId: 'lonely-bird', commentKey: COMMENT_KEY },
    item: { productId: 'lonely-bird', commentKey: COMMENT_KEY, id: COMMENT_KEY.split('#')[1], text: 'Sings' },
  },
  {
    collection: 'order',
    cursor:
      'eyJjIjoib3JkZXIiLCJrIjp7ImNyZWF0ZWRLZXkiOiIyMDI2LTExLTIyVDEwOjAwOjAwLjAwMFojMGYzYTVjN2U5YjFkMmY0YTZjOGUwYjJkNGY2YThjMGUiLCJpZCI6IjBmM2E1YzdlOWIxZDJmNGE2YzhlMGIyZDRmNmE4YzBlIn19',
    fields: ['createdKey', 'id'],
    key: { createdKey: CREATED_KEY, id: ORDER_ID },
    read: (client, after) =>
      new OrderStore(client, 'orders', {
        products: 'products',
        carts: 'carts',
        promotions: 'promotions',
      }).listForUser('alice', {
        first: 1,
        after,
      }),
    startKey: { userId: 'alice', createdKey: CREATED_KEY, id: ORDER_ID },
    item: { userId: 'alice', createdKey: CREATED_KEY, id: ORDER_ID, total: 2999 },
  },
];

/** A client whose every Query answers with `items`; `inputs` are the Queries it was sent. */
function clientAnswering(items: Array<Record<string, unknown>>) {
  const inputs: Array<QueryCommand['input']> = [];
  const send = jest.fn(async (command: QueryCommand) => {
    inputs.push(command.input);
    return { Items: items };
  });
  return { client: fakeDocumentClient(send), inputs };
}

describe('cursors issued before the paged-query helper', () => {
  test.each(GOLDEN)('decode to the same key: $collection', ({ collection, cursor, fields, key }) => {
    // Act
    const decoded = decodeCursor(collection, cursor, fields);

    // Assess
    expect(decoded).toEqual(key);
  });

  test.each(GOLDEN)(
    'continue the store’s Query right after the same key: $collection',
    async ({ cursor, read, startKey }) => {
      // Prepare
      const { client, inputs } = clientAnswering([]);

      // Act
      await read(client, cursor);

      // Assess
      expect(inputs).toHaveLength(1);
      expect(inputs[0]?.ExclusiveStartKey).toEqual(startKey);
    },
  );

  test.each(GOLDEN)(
    'are what the store still issues for the same item: $collection',
    async ({ cursor, read, item }) => {
      // Prepare
      const { client } = clientAnswering([item]);

      // Act
      const page = await read(client);

      // Assess
      expect(page.edges.map((edge) => edge.cursor)).toEqual([cursor]);
    },
  );
});
