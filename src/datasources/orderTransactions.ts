import type { OrderRecord } from './models';
import type { PlaceOrder, PlaceOrderResult } from './orderItems';
import {
  cancellationCodes,
  isTransientCancellationReason,
  isTransientError,
  type TransactItem,
} from './transactions';

/**
 * Reads CancellationReasons of a placement (one per item, in request order: the lines, the order,
 * the cart, the promotion). Several may fail at once; the first that applies decides: an existing
 * order means the key was used (whatever else failed), a moved cart makes any stock verdict stale,
 * and a stock or price change needs a fresh read. Anything else (a validation error, a full item
 * collection) is a bug or a hard limit: rethrown.
 */
export function classifyPlacement(error: unknown, order: OrderRecord): PlaceOrderResult {
  const codes = cancellationCodes(error);
  if (codes !== null) {
    const lineCount = order.items.length;
    const failed = (index: number) => codes[index] === 'ConditionalCheckFailed';
    if (failed(lineCount)) return { outcome: 'orderExists' };
    if (failed(lineCount + 1)) return { outcome: 'cartChanged' };
    if (failed(lineCount + 2)) return { outcome: 'promotionChanged' };
    const changed = order.items.filter((_line, index) => failed(index)).map((line) => line.productId);
    if (changed.length > 0) return { outcome: 'productsChanged', productIds: changed };
    if (codes.some(isTransientCancellationReason)) return { outcome: 'contention' };
    throw error;
  }
  // The SDK gave up after its own retries; the order id makes another attempt safe.
  if (isTransientError(error)) return { outcome: 'contention' };
  throw error;
}

/**
 * The use of the order's promotion code, counted in the order's own transaction on the condition
 * that the code is still active, has uses left, and discounts as it did when the order was
 * priced (same kind and value): under any concurrency a code is never used more than its limit,
 * nor charged at terms staff changed meanwhile. Items from before codes had these attributes have
 * none of them: active, unlimited, counted from 0, their percentage unchangeable but by an update
 * that writes kind and value.
 */
export function countPromotionUse(
  tableName: string,
  { code, kind, value }: NonNullable<PlaceOrder['promotion']>,
) {
  return {
    Update: {
      TableName: tableName,
      Key: { code },
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
      ExpressionAttributeValues: { ':one': 1, ':true': true, ':kind': kind, ':value': value },
    },
  };
}

/**
 * The items of a cancellation's transaction, in this order: the order (first, so its reason is at
 * index 0), one stock return per line, and the promotion's use given back.
 *  - orders: `SET status = CANCELLED, cancelledAt`, if the status is still PLACED: a concurrent
 *    shipment or cancellation makes the whole transaction fail, so stock returns at most once;
 *  - products: `ADD stock quantity`, if the product exists (never created by the return) and the
 *    stock stays within `maxStock` (it is answered as a GraphQL Int); an archived product takes
 *    its units back too;
 *  - promotions: `ADD timesUsed -1`, for an order whose checkout counted the use
 *    (`promotionUseCounted`), if the code exists and counts a use: a code's `timesUsed` stays
 *    equal to its live orders, limited or not.
 */
export function cancellationItems(
  tables: { orders: string; products: string; promotions: string },
  order: OrderRecord,
  { cancelledAt, maxStock }: { cancelledAt: string; maxStock: number },
): TransactItem[] {
  return [
    {
      Update: {
        TableName: tables.orders,
        Key: { userId: order.userId, id: order.id },
        UpdateExpression: 'SET #status = :cancelled, #cancelledAt = :cancelledAt',
        ConditionExpression: '#status = :placed',
        ExpressionAttributeNames: { '#status': 'status', '#cancelledAt': 'cancelledAt' },
        ExpressionAttributeValues: {
          ':cancelled': 'CANCELLED',
          ':placed': 'PLACED',
          ':cancelledAt': cancelledAt,
        },
      },
    },
    ...order.items.map(({ productId, quantity }) => ({
      Update: {
        TableName: tables.products,
        Key: { id: productId },
        UpdateExpression: 'ADD #stock :quantity',
        ConditionExpression: 'attribute_exists(#id) AND #stock <= :room',
        ExpressionAttributeNames: { '#stock': 'stock', '#id': 'id' },
        ExpressionAttributeValues: { ':quantity': quantity, ':room': maxStock - quantity },
      },
    })),
    ...(order.promotionCode && order.promotionUseCounted
      ? [
          {
            Update: {
              TableName: tables.promotions,
              Key: { code: order.promotionCode },
              UpdateExpression: 'ADD #timesUsed :minusOne',
              ConditionExpression: 'attribute_exists(#code) AND #timesUsed > :zero',
              ExpressionAttributeNames: { '#timesUsed': 'timesUsed', '#code': 'code' },
              ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
            },
          },
        ]
      : []),
  ];
}
