import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderRecord, OrderStatus, Page, PageRequest } from './models';
import { BY_STATUS_INDEX, toOrderRecord, type StoredOrder } from './orderItems';
import { decodeCursor, encodeCursor, queryAtLeast } from './pagedQuery';

/** An order moves only from PLACED to one of these, never back. */
const FINAL_STATUSES: readonly OrderStatus[] = ['SHIPPED', 'CANCELLED'];
const COLLECTION = 'allOrders';

/**
 * Access pattern: staff's list of every customer's orders, newest first, optionally of one status.
 * The `byStatus` global index (partition `status`, sort `createdKey`) holds each order under its
 * current status; without a status filter the page is the merge of one Query per status. No other
 * index is needed, and every order ever written is listed, since every order has a status.
 *
 * An order may change status while a page is read. Statuses only move from PLACED to a final one,
 * so PLACED is read first and the final statuses after it (two round trips, three calls): an order
 * shipped or cancelled in between is then found at least once, in the later read if not in the
 * first, and an order found twice is listed once, with the status read last. (As far as the index
 * is up to date: it is eventually consistent, so within the moment it lags such an order may be
 * missing from the page.)
 *
 * `createdKey` is unique (it ends with the order id), so a page continues strictly below the last
 * key it returned, in every partition at once: a key condition rather than an ExclusiveStartKey,
 * which belongs to one partition. The cursor is that key alone, so a page boundary never skips or
 * repeats an order, and an order that changes status keeps its place in the unfiltered list. The
 * index is eventually consistent: an order placed or shipped a moment ago may show a moment later.
 */
export async function queryOrdersByStatus(
  client: DynamoDBDocumentClient,
  tableName: string,
  status: OrderStatus | null,
  { first, after }: PageRequest,
): Promise<Page<OrderRecord>> {
  const before = after ? decodeCursor(COLLECTION, after, ['createdKey']).createdKey : null;
  const read = (statuses: readonly OrderStatus[]) =>
    Promise.all(statuses.map((partition) => queryStatus(client, tableName, partition, before, first)));
  const pages = status
    ? await read([status])
    : [...(await read(['PLACED'])), ...(await read(FINAL_STATUSES))];
  const latest = new Map(pages.flat().map((stored) => [stored.id, stored]));
  // Each partition gave its newest first + 1 below the cursor, so the newest first + 1 of them all
  // are among these.
  const merged = [...latest.values()].sort((a, b) =>
    a.createdKey < b.createdKey ? 1 : a.createdKey > b.createdKey ? -1 : 0,
  );
  return {
    edges: merged.slice(0, first).map((stored) => ({
      cursor: encodeCursor(COLLECTION, { createdKey: stored.createdKey }),
      node: toOrderRecord(stored),
    })),
    hasNextPage: merged.length > first,
  };
}

/** Access pattern: Query `byStatus` for one status, newest first, `first + 1` below `before`. */
async function queryStatus(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: OrderStatus,
  before: string | null,
  first: number,
): Promise<StoredOrder[]> {
  return queryAtLeast<StoredOrder>(
    client,
    {
      TableName: tableName,
      IndexName: BY_STATUS_INDEX,
      KeyConditionExpression: before ? '#status = :status AND #createdKey < :before' : '#status = :status',
      // DynamoDB refuses a name the expressions do not use.
      ExpressionAttributeNames: {
        '#status': 'status',
        ...(before ? { '#createdKey': 'createdKey' } : {}),
      },
      ExpressionAttributeValues: { ':status': partition, ...(before ? { ':before': before } : {}) },
      ScanIndexForward: false,
    },
    undefined,
    first + 1,
  );
}
