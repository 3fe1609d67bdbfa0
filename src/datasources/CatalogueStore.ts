import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientError, ErrorCode } from '../shared/errors';
import { retry, RETRY } from '../shared/retry';
import { isStorableKey } from './keys';
import type { ProductRecord } from './models';
import {
  readStoredProduct,
  sameListingVersion,
  sendProductChange,
  updateOf,
  withoutNulls,
  type CatalogueTables,
  type ProductChanges,
} from './productChanges';
import { writeRetryingContention } from './transactions';
import { toProductRecord, toStoredProduct, type StoredProduct } from './productItems';
import { nameSortKey } from './listingKeys';

/** A product as staff create it: no comments or ratings yet, not archived. */
export type NewProduct = Pick<
  ProductRecord,
  'id' | 'name' | 'description' | 'image' | 'code' | 'price' | 'stock' | 'categories' | 'createdAt'
>;

/** What a write of the catalogue did: only `written` wrote anything. */
export type CatalogueWrite =
  | { outcome: 'written'; product: ProductRecord }
  | { outcome: 'notFound' }
  | { outcome: 'idTaken' }
  | { outcome: 'unknownCategory'; slug: string };

/** What `adjustStock` did; only `adjusted` wrote anything. */
export type StockAdjustment =
  | { outcome: 'adjusted'; product: ProductRecord }
  | { outcome: 'notFound' }
  /** `expectedStock` was given and the stock is another number. */
  | { outcome: 'stockMoved'; actualStock: number }
  /** The stock would leave 0..`maxStock`. */
  | { outcome: 'outOfRange'; actualStock: number };

/** The fields the listing table holds a copy of: changing one rewrites the product's entries. */
const LISTED_FIELDS = ['name', 'price', 'categories'] as const;

/**
 * The staff's writes to the products table (layout: productItems.ts). A change of what the
 * listing table holds (name, price, categories, archiving) is one transaction with its entries
 * and category counters (productChanges.ts), conditioned on the product's listing version, and
 * repeated from a fresh read if another such change came first; any other change is one
 * conditional write. Each is atomic against checkouts, which take stock in their own
 * transaction's conditional updates of the stock alone.
 */
export class CatalogueStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: CatalogueTables,
  ) {}

  /** Access pattern: PutItem if no item has the id, with its listing entries and category counters. */
  async create(product: NewProduct): Promise<CatalogueWrite> {
    const record: ProductRecord = {
      ...product,
      commentCount: 0,
      ratingSum: 0,
      ratingCount: 0,
      archived: false,
      // Known to be none: the product page's first comments need no Query from the start.
      recentComments: {},
    };
    const result = await sendProductChange(
      this.client,
      this.tables,
      {
        Put: {
          TableName: this.tables.products,
          Item: { ...toStoredProduct(record), listingVersion: 1 },
          ConditionExpression: 'attribute_not_exists(#id)',
          ExpressionAttributeNames: { '#id': 'id' },
        },
      },
      null,
      record,
    );
    if (result.outcome === 'written') return { outcome: 'written', product: record };
    return result.outcome === 'productMoved' ? { outcome: 'idTaken' } : result;
  }

  /**
   * `changes` holds at least one field (an empty update is not a DynamoDB request). Access
   * pattern: for a listed field, GetItem (consistent) then the transaction; otherwise UpdateItem
   * SET/REMOVE if the item exists.
   */
  async update(id: string, changes: ProductChanges): Promise<CatalogueWrite> {
    if (!isStorableKey(id)) return { outcome: 'notFound' };
    if (LISTED_FIELDS.some((field) => changes[field] !== undefined)) {
      return this.changeListed(id, (before) => ({ ...before, ...withoutNulls(changes) }), changes);
    }
    const updated = await this.updateExisting(id, updateOf(changes));
    return updated ? { outcome: 'written', product: updated } : { outcome: 'notFound' };
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
            TableName: this.tables.products,
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
          new GetCommand({ TableName: this.tables.products, Key: { id }, ConsistentRead: true }),
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
   * Moves the product between the products' listing partitions (productItems.ts) and in or out of
   * the listing table. Archiving an archived product writes nothing. Access pattern: GetItem
   * (consistent), then the transaction.
   */
  async setArchived(id: string, archived: boolean): Promise<CatalogueWrite> {
    if (!isStorableKey(id)) return { outcome: 'notFound' };
    return this.changeListed(id, (before) => ({ ...before, archived }), {
      archived,
    });
  }

  /**
   * A change of what the listing table holds: the product is read, changed in memory, and
   * written with its entries and counters in one transaction conditioned on the version read; if
   * another such change committed in between, all over again from a fresh read. The product
   * answered is the one read with the change applied: a checkout's stock change in that instant
   * is the one thing it may miss.
   */
  private async changeListed(
    id: string,
    apply: (before: ProductRecord) => ProductRecord,
    changes: ProductChanges & { archived?: boolean },
  ): Promise<CatalogueWrite> {
    return retry<CatalogueWrite>(
      async () => {
        const read = await readStoredProduct(this.client, this.tables.products, id);
        if (!read) return { outcome: 'notFound' };
        const before = toProductRecord(read);
        const after = apply(before);
        if (changes.archived !== undefined && before.archived === changes.archived) {
          return { outcome: 'written', product: before };
        }
        const version = sameListingVersion(read);
        const update = updateOf(
          { ...changes, ...(changes.name !== undefined ? { sortName: nameSortKey(changes.name, id) } : {}) },
          { listingVersion: version.next },
        );
        const result = await sendProductChange(
          this.client,
          this.tables,
          {
            Update: {
              TableName: this.tables.products,
              Key: { id },
              ...update,
              ConditionExpression: `attribute_exists(#id) AND ${version.condition}`,
              ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#id': 'id', ...version.names },
              ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...version.values },
            },
          },
          before,
          after,
          version.listed(before),
        );
        switch (result.outcome) {
          case 'written':
            return { outcome: 'written', product: after };
          case 'unknownCategory':
            return result;
          case 'productMoved':
            // Products are never deleted: another change of its listing came first.
            return RETRY;
        }
      },
      {
        maxAttempts: 5,
        baseMs: 10,
        capMs: 200,
        exhausted: () =>
          clientError(ErrorCode.Conflict, 'Other changes kept this product busy; try again', {
            retryable: true,
          }),
      },
    );
  }

  private async updateExisting(
    id: string,
    update: ReturnType<typeof updateOf>,
  ): Promise<ProductRecord | null> {
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tables.products,
            Key: { id },
            ConditionExpression: 'attribute_exists(#id)',
            ReturnValues: 'ALL_NEW',
            UpdateExpression: update.UpdateExpression,
            ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#id': 'id' },
            ...(Object.keys(update.ExpressionAttributeValues).length > 0
              ? { ExpressionAttributeValues: update.ExpressionAttributeValues }
              : {}),
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
