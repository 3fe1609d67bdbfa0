import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderRecord } from './models';

/**
 * How much of a shopper's order history a purchase check reads: up to this many Query pages of at most
 * 1 MB each (thousands of typical orders). Beyond that the answer is "not found": a bounded cost
 * for every comment, at the price of not verifying the oldest purchases of the heaviest buyers.
 */
const PURCHASE_HISTORY_PAGES = 2;

/**
 * Whether the user has a live (placed or shipped) order with the product. Access pattern: Query
 * the user's partition of the orders' `byCreatedAt` index, newest first (a recent purchase is found
 * in the first page), projecting each order's status and lines, for at most
 * PURCHASE_HISTORY_PAGES pages; DynamoDB cannot filter on a line inside a list, so the lines are
 * checked here.
 */
export async function hasLivePurchase(
  client: DynamoDBDocumentClient,
  tableName: string,
  userId: string,
  productId: string,
): Promise<boolean> {
  let start: Record<string, unknown> | undefined;
  for (let page = 0; page < PURCHASE_HISTORY_PAGES; page += 1) {
    const output = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byCreatedAt',
        ScanIndexForward: false,
        // A comment written just after its author's checkout sees that order.
        ConsistentRead: true,
        KeyConditionExpression: '#userId = :userId',
        ProjectionExpression: '#status, #items',
        ExpressionAttributeNames: { '#userId': 'userId', '#status': 'status', '#items': 'items' },
        ExpressionAttributeValues: { ':userId': userId },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const orders = (output.Items ?? []) as Array<Pick<OrderRecord, 'status' | 'items'>>;
    const bought = orders.some(
      ({ status, items }) => status !== 'CANCELLED' && items.some((line) => line.productId === productId),
    );
    if (bought) return true;
    start = output.LastEvaluatedKey;
    if (!start) return false;
  }
  return false;
}
