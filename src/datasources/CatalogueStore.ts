import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isStorableKey } from './keys';
import type { ProductRecord } from './models';
import { writeRetryingContention } from './transactions';
import {
  ARCHIVED_CATALOGUE,
  LIVE_CATALOGUE,
  sortNameOf,
  toProductRecord,
  toStoredProduct,
  type StoredProduct,
} from './productItems';

/** A product as staff create it: no comments or ratings yet, not archived. */
export type NewProduct = Pick<
  ProductRecord,
  'id' | 'name' | 'description' | 'image' | 'code' | 'price' | 'stock'
>;

/** Fields to change; absent ones stay, `null` removes `description` or `image`. */
export interface ProductChanges {
  name?: string;
  description?: string | null;
  image?: string | null;
  code?: string;
  price?: number;
}

/** What `adjustStock` did; only `adjusted` wrote anything. */
export type StockAdjustment =
  | { outcome: 'adjusted'; product: ProductRecord }
  | { outcome: 'notFound' }
  /** `expectedStock` was given and the stock is another number. */
  | { outcome: 'stockMoved'; actualStock: number }
  /** The stock would leave 0..`maxStock`. */
  | { outcome: 'outOfRange'; actualStock: number };

/**
 * The staff's writes to the products table (layout: productItems.ts). Each is one conditional
 * write that returns the item as written, so a response needs no read after it, and each is
 * atomic against checkouts, which take stock in their own transaction's conditional updates.
 */
export class CatalogueStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Access pattern: PutItem if no item has the id. Null when the id is taken (nothing written). */
  async create(product: NewProduct): Promise<ProductRecord | null> {
    const record: ProductRecord = {
      ...product,
      commentCount: 0,
      ratingSum: 0,
      ratingCount: 0,
      archived: false,
      // Known to be none: the product page's first comments need no Query from the start.
      recentComments: {},
    };
    try {
      await writeRetryingContention(() =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: toStoredProduct(record),
            ConditionExpression: 'attribute_not_exists(#id)',
            ExpressionAttributeNames: { '#id': 'id' },
          }),
        ),
      );
      return record;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  /**
   * Access pattern: UpdateItem SET/REMOVE if the item exists. Null when it does not. `changes`
   * holds at least one field (an empty update is not a DynamoDB request).
   */
  async update(id: string, changes: ProductChanges): Promise<ProductRecord | null> {
    const names: Record<string, string> = { '#id': 'id' };
    const values: Record<string, unknown> = {};
    const set: string[] = [];
    const remove: string[] = [];
    const assign = (field: string, value: unknown) => {
      names[`#${field}`] = field;
      if (value === null) {
        remove.push(`#${field}`);
      } else {
        values[`:${field}`] = value;
        set.push(`#${field} = :${field}`);
      }
    };
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) assign(field, value);
    }
    // The listing's sort key follows the name in the same write.
    if (changes.name !== undefined) assign('sortName', sortNameOf(changes.name));
    const expression = [
      set.length > 0 ? `SET ${set.join(', ')}` : '',
      remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
    ].join(' ');
    return this.updateExisting(id, {
      UpdateExpression: expression.trim(),
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    });
  }

  /**
   * Access pattern: UpdateItem `ADD stock :delta` if the item exists, the result stays within
   * 0..`maxStock` and, when given, the stock is still `expectedStock`. One conditional write, so it
   * composes with concurrent checkouts (their conditional decrements) without a lock; when the
   * condition fails, DynamoDB returns the item as it was, which says why.
   *
   * An ADD is not idempotent, and the SDK re-sends a request that timed out although it may have
   * committed: each adjustment writes its own token, and refuses to apply over it, so a re-sent
   * one finds its token and answers the stock it already made.
   */
  async adjustStock(
    id: string,
    delta: number,
    { expectedStock, maxStock }: { expectedStock?: number | undefined; maxStock: number },
  ): Promise<StockAdjustment> {
    if (!isStorableKey(id)) return { outcome: 'notFound' };
    const token = randomUUID();
    const conditions = [
      'attribute_exists(#id)',
      '#stock >= :lowest',
      '#stock <= :highest',
      '(attribute_not_exists(#adjustment) OR #adjustment <> :token)',
    ];
    const values: Record<string, number | string> = {
      ':delta': delta,
      ':lowest': Math.max(0, -delta),
      ':highest': maxStock - Math.max(0, delta),
      ':token': token,
    };
    if (expectedStock !== undefined) {
      conditions.push('#stock = :expected');
      values[':expected'] = expectedStock;
    }
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { id },
            UpdateExpression: 'ADD #stock :delta SET #adjustment = :token',
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: { '#id': 'id', '#stock': 'stock', '#adjustment': 'lastAdjustment' },
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      return { outcome: 'adjusted', product: toProductRecord(output.Attributes as StoredProduct) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const before = error.Item;
      if (before?.stock?.N === undefined) return { outcome: 'notFound' };
      if (before.lastAdjustment?.S === token) {
        // This very adjustment committed on a first send whose answer was lost.
        const { Item } = await this.client.send(
          new GetCommand({ TableName: this.tableName, Key: { id }, ConsistentRead: true }),
        );
        return { outcome: 'adjusted', product: toProductRecord(Item as StoredProduct) };
      }
      const actualStock = Number(before.stock.N);
      if (expectedStock !== undefined && actualStock !== expectedStock)
        return { outcome: 'stockMoved', actualStock };
      return { outcome: 'outOfRange', actualStock };
    }
  }

  /**
   * Access pattern: UpdateItem moving the item between the listing's partitions (productItems.ts)
   * if it exists. Null when it does not.
   */
  async setArchived(id: string, archived: boolean): Promise<ProductRecord | null> {
    return this.updateExisting(id, {
      UpdateExpression: archived
        ? 'SET #catalogue = :catalogue, #archived = :true'
        : 'SET #catalogue = :catalogue REMOVE #archived',
      ExpressionAttributeNames: { '#id': 'id', '#catalogue': 'catalogue', '#archived': 'archived' },
      ExpressionAttributeValues: {
        ':catalogue': archived ? ARCHIVED_CATALOGUE : LIVE_CATALOGUE,
        ...(archived ? { ':true': true } : {}),
      },
    });
  }

  private async updateExisting(
    id: string,
    update: Pick<
      ConstructorParameters<typeof UpdateCommand>[0],
      'UpdateExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
    >,
  ): Promise<ProductRecord | null> {
    if (!isStorableKey(id)) return null;
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { id },
            ConditionExpression: 'attribute_exists(#id)',
            ReturnValues: 'ALL_NEW',
            ...update,
          }),
        ),
      );
      return toProductRecord(output.Attributes as StoredProduct);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }
}
