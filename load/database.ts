import { setTimeout as sleep } from 'node:timers/promises';
import { ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../src/datasources/dynamoClient';
import type {
  CartRecord,
  CommentRecord,
  OrderRecord,
  ProductRecord,
  PromotionRecord,
  RatingRecord,
} from '../src/datasources/models';
import { ProductStore } from '../src/datasources/ProductStore';
import type { TableNames } from '../src/datasources/tableDefinitions';

/** What the invariants are checked on: the tables themselves, never the API's answers. */
export interface DatabaseState {
  products: ProductRecord[];
  orders: OrderRecord[];
  carts: CartRecord[];
  comments: Array<Pick<CommentRecord, 'productId' | 'id' | 'authorId' | 'rating'>>;
  /** Each user's current rating of each product. */
  ratings: Array<Pick<RatingRecord, 'productId' | 'userId' | 'rating' | 'commentId'>>;
  promotions: PromotionRecord[];
}

/** The database must look the same for this long before a scenario's final snapshot is taken. */
const QUIET_MS = 1500;
const POLL_MS = 250;
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Direct access to the runtime's DynamoDB Local: snapshots for the invariants, and the few
 * catalogue writes a scenario needs (a shop manager restocking), made the way the seed makes them.
 */
export class LoadDatabase {
  private constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tables: TableNames,
  ) {}

  static connect(endpoint: string, tables: TableNames): LoadDatabase {
    return new LoadDatabase(createDocumentClient({ region: 'us-east-1', endpoint }), tables);
  }

  /** Every table scanned with strongly consistent reads, page after page. */
  async snapshot(): Promise<DatabaseState> {
    const [products, orders, carts, comments, ratings, promotions] = await Promise.all([
      this.scan<ProductRecord>(this.tables.products),
      this.scan<OrderRecord>(this.tables.orders),
      this.scan<CartRecord>(this.tables.carts),
      this.scan<CommentRecord>(this.tables.comments),
      this.scan<RatingRecord>(this.tables.ratings),
      this.scan<PromotionRecord>(this.tables.promotions),
    ]);
    return {
      products,
      orders,
      carts,
      comments: comments.map(({ productId, id, authorId, rating }) => ({
        productId,
        id,
        authorId,
        ...(rating ? { rating } : {}),
      })),
      ratings: ratings.map(({ productId, userId, rating, commentId }) => ({
        productId,
        userId,
        rating,
        commentId,
      })),
      promotions,
    };
  }

  /**
   * Requests still running on the server when the load generator stops (it drops their sockets,
   * the handler finishes them anyway) may write after the last counted response: the final
   * snapshot waits until the tables have stopped changing.
   */
  async settle(): Promise<DatabaseState> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let state = await this.snapshot();
    let digest = digestOf(state);
    let quietSince = Date.now();
    while (Date.now() - quietSince < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`The tables kept changing for ${SETTLE_TIMEOUT_MS} ms`);
      await sleep(POLL_MS);
      state = await this.snapshot();
      const next = digestOf(state);
      if (next !== digest) {
        digest = next;
        quietSince = Date.now();
      }
    }
    return state;
  }

  async putProduct(product: ProductRecord): Promise<void> {
    await new ProductStore(this.db, this.tables).put(product);
  }

  /** Sets a product's stock (between scenarios, while nothing else writes). */
  async setStock(productId: string, stock: number): Promise<void> {
    await this.update(productId, 'SET #stock = :units', stock);
  }

  /**
   * Adds units while shoppers buy: an atomic ADD, so it can neither undo nor be undone by a
   * concurrent checkout's decrement, and the stock ledger stays exact.
   */
  async addStock(productId: string, units: number): Promise<void> {
    await this.update(productId, 'ADD #stock :units', units);
  }

  destroy(): void {
    this.db.destroy();
  }

  private async update(productId: string, expression: string, units: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tables.products,
        Key: { id: productId },
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(#id)',
        ExpressionAttributeNames: { '#id': 'id', '#stock': 'stock' },
        ExpressionAttributeValues: { ':units': units },
      }),
    );
  }

  private async scan<T>(tableName: string): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      // A scan returns untyped attribute maps; every item of these tables is written as T.
      items.push(...((page.Items ?? []) as T[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

/**
 * What changes when a request writes: stock, comment counts and ratings, orders and their status
 * (a cancellation or a shipment), promotion uses, cart versions.
 */
function digestOf({ products, orders, carts, comments, promotions }: DatabaseState): string {
  const stock = products
    .map(({ id, stock, commentCount, ratingSum }) => `${id}:${stock}:${commentCount}:${ratingSum}`)
    .sort();
  const statuses = orders.map(({ userId, id, status }) => `${userId}/${id}:${status}`).sort();
  const uses = promotions.map(({ code, timesUsed }) => `${code}:${timesUsed}`).sort();
  const versions = carts.map(({ userId, version }) => `${userId}:${version}`).sort();
  return JSON.stringify([stock, statuses, uses, versions, comments.length]);
}
