import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { isStorableKey } from './keys';
import type { CartRecord, OrderRecord, OrderStatus, Page, PageRequest } from './models';
import {
  BY_CREATED_AT_INDEX,
  BY_ID_INDEX,
  toOrderRecord,
  toStoredOrder,
  type CancelOrderResult,
  type OrderKey,
  type PlaceOrder,
  type PlaceOrderResult,
  type ShipOrderResult,
  type StoredOrder,
} from './orderItems';
import { queryPage } from './pagedQuery';
import { cancellationItems, classifyPlacement, countPromotionUse } from './orderTransactions';
import { queryOrdersByStatus } from './ordersByStatus';
import { hasLivePurchase } from './purchaseHistory';
import {
  cancellationCodes,
  isTransientCancellationReason,
  isTransientError,
  TRANSACT_WRITE_LIMIT,
  writeRetryingContention,
} from './transactions';

/** The other tables an order's transactions write. */
export interface OtherTables {
  products: string;
  carts: string;
  promotions: string;
}

/**
 * Orders table: partition `userId`, sort `id`, where the id is derived from (user, idempotency
 * key) — so a retry computes the same key, finds a finished order with one strongly consistent
 * GetItem, and can never write a second one (`attribute_not_exists` on that very key).
 * A local secondary index `byCreatedAt` (same partition, sort `createdKey` =
 * `<createdAt>#<id>`) lists a caller's orders newest first. An LSI rather than a GSI because LSI
 * queries can be strongly consistent: a shopper sees the order just placed in `orders` at once.
 * The price is a 10 GB cap per user's orders, far beyond any shopper.
 *
 * Two global secondary indexes serve staff, who see every customer's orders and know an order by
 * its id alone: `byStatus` (partition `status`, sort `createdKey`, all attributes; see
 * ordersByStatus.ts) and `byId` (partition `id`, keys only), which maps an id to its key.
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
    if (!isStorableKey(id)) return null;
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { userId, id }, ConsistentRead: true }),
    );
    return output.Item ? toOrderRecord(output.Item as StoredOrder) : null;
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
        toNode: toOrderRecord,
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
    const stored = toStoredOrder(order);
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
      return classifyPlacement(error, order);
    }
  }

  /**
   * Access pattern: one TransactWriteItems over orders, products and promotions
   * (orderTransactions.ts, `cancellationItems`): the order becomes CANCELLED only if it is still
   * PLACED, and in the same step every line's units go back to stock and the promotion's use is
   * given back, so stock and uses return exactly once whatever races the cancellation.
   */
  async cancel(
    order: OrderRecord,
    { cancelledAt, maxStock }: { cancelledAt: string; maxStock: number },
  ): Promise<CancelOrderResult> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: cancellationItems(
            { orders: this.tableName, products: this.other.products, promotions: this.other.promotions },
            order,
            { cancelledAt, maxStock },
          ),
        }),
      );
      return { outcome: 'cancelled' };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return { outcome: 'notPlaced' };
      // Items 1..n are the lines' stock returns, in line order.
      const refused = order.items.filter((_line, index) => codes?.[index + 1] === 'ConditionalCheckFailed');
      if (refused.length > 0)
        return { outcome: 'productsRefused', productIds: refused.map((line) => line.productId) };
      if (codes?.some(isTransientCancellationReason) || isTransientError(error))
        return { outcome: 'contention' };
      // The order's promotion is gone or counts no use: changed outside the API.
      throw error;
    }
  }

  /**
   * Access pattern: UpdateItem on the order's key, `SET status = SHIPPED, shippedAt` if the
   * status is PLACED (a cancellation racing it fails its own condition, so exactly one of the
   * two happens); when the condition fails, one strongly consistent GetItem tells why.
   */
  async ship({ userId, id }: OrderKey, shippedAt: string): Promise<ShipOrderResult> {
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { userId, id },
            UpdateExpression: 'SET #status = :shipped, #shippedAt = :shippedAt',
            ConditionExpression: '#status = :placed',
            ExpressionAttributeNames: { '#status': 'status', '#shippedAt': 'shippedAt' },
            ExpressionAttributeValues: {
              ':shipped': 'SHIPPED',
              ':placed': 'PLACED',
              ':shippedAt': shippedAt,
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return { outcome: 'shipped', order: toOrderRecord(output.Attributes as StoredOrder) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { outcome: 'notPlaced', order: await this.getById(userId, id) };
    }
  }

  /**
   * Access pattern: Query `byId` (keys only) for the order's key. Eventually consistent, as every
   * global index: an order placed a moment ago may not be found yet.
   */
  async findKey(id: string): Promise<OrderKey | null> {
    if (!isStorableKey(id)) return null;
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_ID_INDEX,
        KeyConditionExpression: '#id = :id',
        ExpressionAttributeNames: { '#id': 'id' },
        ExpressionAttributeValues: { ':id': id },
        Limit: 1,
      }),
    );
    const key = output.Items?.[0] as OrderKey | undefined;
    return key ? { userId: key.userId, id: key.id } : null;
  }

  /** Every customer's orders, newest first; only those of `status` when given (ordersByStatus.ts). */
  listAll(status: OrderStatus | null, page: PageRequest): Promise<Page<OrderRecord>> {
    return queryOrdersByStatus(this.client, this.tableName, status, page);
  }

  /** Whether the user has a live (placed or shipped) order with the product (purchaseHistory.ts). */
  hasBought(userId: string, productId: string): Promise<boolean> {
    return hasLivePurchase(this.client, this.tableName, userId, productId);
  }
}
