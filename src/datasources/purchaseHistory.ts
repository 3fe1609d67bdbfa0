import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderRecord } from './models';
import { BY_CREATED_AT_INDEX } from './orderItems';

/**
 * How many of a shopper's newest orders a purchase check reads: one Query page. Bounded by count,
 * so every comment costs at most this many orders' read capacity however much its author bought;
 * a purchase older than that is not verified.
 */
export const PURCHASE_HISTORY_ORDERS = 50;

/**
 * Whether the user has a live (placed or shipped) order with the product among their
 * PURCHASE_HISTORY_ORDERS newest. Access pattern: one Query of the user's partition of the
 * orders' `byCreatedAt` index, newest first, projecting each order's status and lines; DynamoDB
 * cannot filter on a line inside a list, so the lines are checked here.
 */
export async function hasLivePurchase(
  client: DynamoDBDocumentClient,
  tableName: string,
  userId: string,
  productId: string,
): Promise<boolean> {
  const output = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: BY_CREATED_AT_INDEX,
      ScanIndexForward: false,
      // A comment written just after its author's checkout sees that order.
      ConsistentRead: true,
      KeyConditionExpression: '#userId = :userId',
      ProjectionExpression: '#status, #items',
      ExpressionAttributeNames: { '#userId': 'userId', '#status': 'status', '#items': 'items' },
      ExpressionAttributeValues: { ':userId': userId },
      Limit: PURCHASE_HISTORY_ORDERS,
    }),
  );
  const orders = (output.Items ?? []) as Array<Pick<OrderRecord, 'status' | 'items'>>;
  return orders.some(
    ({ status, items }) => status !== 'CANCELLED' && items.some((line) => line.productId === productId),
  );
}
