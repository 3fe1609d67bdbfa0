import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CartRecord, OrderRecord, Page, PageRequest, PromotionRecord } from './models';
import { queryPage } from './pagedQuery';
import {
  cancellationCodes,
  isTransientCancellationReason,
  isTransientError,
  TRANSACT_WRITE_LIMIT,
} from './transactions';

const BY_CREATED_AT_INDEX = 'byCreatedAt';

type StoredOrder = OrderRecord & { createdKey: string };

export interface OtherTables {
  products: string;
  carts: string;
  promotions: string;
}

export interface PlaceOrder {
  order: OrderRecord;
  /** The cart version the order was priced from: the cart is emptied only if it is still that. */
  cartVersion: number;
  /** The promotion the order was priced with (read consistently), whose use the order counts. */
  promotion?: Pick<PromotionRecord, 'code' | 'kind' | 'value'>;
}

/** Why a placement did not happen; every outcome but `placed` left every table unchanged. */
export type PlaceOrderResult =
  | { outcome: 'placed' }
  /** An order with this id exists already: a retry, or a concurrent twin that won. */
  | { outcome: 'orderExists' }
  /** The cart was written since it was read: the order may not match it any more. */
  | { outcome: 'cartChanged' }
  /** These products' stock or price moved since they were read (possibly below the quantity). */
  | { outcome: 'productsChanged'; productIds: string[] }
  /** The order's promotion was deactivated or used up since it was read. */
  | { outcome: 'promotionChanged' }
  /** Concurrent transactions on the same items, or throttling: nothing is known to be wrong. */
  | { outcome: 'contention' };

/**
 * Orders table: partition `userId`, sort `id`, where the id is derived from (user, idempotency
 * key) — so a retry computes the same key, finds a finished order with one strongly consistent
 * GetItem, and can never write a second one (`attribute_not_exists` on that very key).
 * A local secondary index `byCreatedAt` (same partition, sort `createdKey` =
 * `<createdAt>#<id>`) lists a caller's orders newest first. An LSI rather than a GSI because LSI
 * queries can be strongly consistent: a shopper sees the order just placed in `orders` at once.
 * The price is a 10 GB cap per user's orders, far beyond any shopper.
 *
 * Placing an order is one TransactWriteItems over four tables — which is why this store also
 * knows the products, carts and promotions tables — so a crash or a race can never leave stock
 * charged without an order, an order without its stock, a cart that survives its order, or a
 * promotion's use uncounted.
 */
export class OrderStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly other: OtherTables,
  ) {}

  /** Strongly consistent: a retry must see an order committed a moment ago. */
  async getById(userId: string, id: string): Promise<OrderRecord | null> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { userId, id }, ConsistentRead: true }),
    );
    return output.Item ? toRecord(output.Item as StoredOrder) : null;
  }

  /** Access pattern: one caller's orders, newest first, after the cursor's (createdKey, id). */
  listForUser(userId: string, page: PageRequest): Promise<Page<OrderRecord>> {
    return queryPage(
      this.client,
      {
        collection: 'order',
        input: {
          TableName: this.tableName,
          IndexName: BY_CREATED_AT_INDEX,
          KeyConditionExpression: '#userId = :userId',
          ExpressionAttributeNames: { '#userId': 'userId' },
          ExpressionAttributeValues: { ':userId': userId },
          ScanIndexForward: false,
          ConsistentRead: true,
        },
        partition: { userId },
        cursorFields: ['createdKey', 'id'],
        toNode: toRecord,
      },
      page,
    );
  }

  /**
   * One transaction, all or nothing: for every line, take the units from stock if at least that
   * many remain and the price is still the one charged; write the order if its id is new; empty
   * the cart if it is still the version the order was priced from. The cart is emptied by writing
   * the next version rather than deleting it, so versions only ever grow and a writer holding a
   * version read before the checkout can never match a later cart by accident.
   */
  async place({ order, cartVersion, promotion }: PlaceOrder): Promise<PlaceOrderResult> {
    // One item per line, the order, the cart and the promotion's use: a longer order cannot be
    // one transaction.
    if (order.items.length + 2 + (promotion ? 1 : 0) > TRANSACT_WRITE_LIMIT) {
      throw new RangeError(`An order of ${order.items.length} lines does not fit in one transaction`);
    }
    const stored: StoredOrder = { ...order, createdKey: `${order.createdAt}#${order.id}` };
    const emptied: CartRecord = {
      userId: order.userId,
      items: [],
      version: cartVersion + 1,
      updatedAt: order.createdAt,
    };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            ...order.items.map(({ productId, quantity, price }) => ({
              Update: {
                TableName: this.other.products,
                Key: { id: productId },
                UpdateExpression: 'SET #stock = #stock - :quantity',
                // Not archived since it was read: the retry re-reads it as gone and leaves it out.
                ConditionExpression:
                  '#stock >= :quantity AND #price = :price AND attribute_not_exists(#archived)',
                ExpressionAttributeNames: { '#stock': 'stock', '#price': 'price', '#archived': 'archived' },
                ExpressionAttributeValues: { ':quantity': quantity, ':price': price },
              },
            })),
            {
              Put: {
                TableName: this.tableName,
                Item: stored,
                ConditionExpression: 'attribute_not_exists(#id)',
                ExpressionAttributeNames: { '#id': 'id' },
              },
            },
            {
              Put: {
                TableName: this.other.carts,
                Item: emptied,
                ConditionExpression: '#version = :version',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': cartVersion },
              },
            },
            ...(promotion ? [countPromotionUse(this.other.promotions, promotion)] : []),
          ],
        }),
      );
      return { outcome: 'placed' };
    } catch (error) {
      return classify(error, order);
    }
  }
}

/**
 * Reads CancellationReasons (one per item, in request order). Several may fail at once; the
 * first that applies decides: an existing order means the key was used (whatever else failed),
 * a moved cart makes any stock verdict stale, and a stock or price change needs a fresh read.
 * Anything else (a validation error, a full item collection) is a bug or a hard limit: rethrown.
 */
function classify(error: unknown, order: OrderRecord): PlaceOrderResult {
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
function countPromotionUse(tableName: string, { code, kind, value }: NonNullable<PlaceOrder['promotion']>) {
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

function toRecord({ createdKey: _createdKey, ...order }: StoredOrder): OrderRecord {
  return order;
}
