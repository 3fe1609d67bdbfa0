import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { BATCH_GET_LIMIT, batchGetAll } from './batchGet';
import { isStorableKey } from './keys';
import type { Page, PageRequest, ProductRecord } from './models';
import { queryPage } from './pagedQuery';

/** Every product carries the same `catalogue` value so one GSI partition lists them by name. */
const CATALOGUE = 'ALL';
const BY_NAME_INDEX = 'byName';

type StoredProduct = ProductRecord & { catalogue: string; sortName: string };

/**
 * Products table: key `id`; GSI `byName` (`catalogue` = "ALL", sort `sortName`) serves the
 * catalogue listing in name order. `sortName` is the name folded for sorting (case and accents
 * ignored): DynamoDB compares strings byte by byte, which would put "Zebra" before "apple".
 * One partition suits a store-sized catalogue (thousands of items); a far larger one would shard
 * `catalogue`.
 */
export class ProductStore {
  /** Per request: every product id asked for in one tick becomes one BatchGetItem (≤100 keys). */
  private readonly byId = new DataLoader<string, ProductRecord | null>((ids) => this.loadByIds(ids), {
    maxBatchSize: BATCH_GET_LIMIT,
  });

  /** Products this request wrote: read strongly consistent from then on. */
  private readonly changedHere = new Set<string>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getById(id: string): Promise<ProductRecord | null> {
    return isStorableKey(id) ? this.byId.load(id) : null;
  }

  async getByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>> {
    return Promise.all(ids.map((id) => this.getById(id)));
  }

  /**
   * Strongly consistent, uncached reads (≤100 ids) for a read-then-write decision: checkout prices
   * and stock-checks from these, and re-reads them on every retry.
   */
  async getLatestByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>> {
    const storable = [...new Set(ids)].filter(isStorableKey);
    const items = await batchGetAll<StoredProduct>(
      this.client,
      this.tableName,
      storable.map((id) => ({ id })),
      { consistentRead: true },
    );
    const byId = new Map(items.map((item) => [item.id, toRecord(item)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * This request changed the product (its comment counters): drop the copy read before, and read
   * it strongly consistent if anything asks for it again, so the response shows the change.
   * Lazy, so a mutation whose response does not select the product costs no extra read.
   */
  markChanged(id: string): void {
    this.byId.clear(id);
    this.changedHere.add(id);
  }

  /** Access pattern: catalogue page in name order, continuing after the cursor's (sortName, id). */
  async list(page: PageRequest): Promise<Page<ProductRecord>> {
    const result = await queryPage(
      this.client,
      {
        collection: 'product',
        input: {
          TableName: this.tableName,
          IndexName: BY_NAME_INDEX,
          KeyConditionExpression: '#catalogue = :catalogue',
          ExpressionAttributeNames: { '#catalogue': 'catalogue' },
          ExpressionAttributeValues: { ':catalogue': CATALOGUE },
        },
        partition: { catalogue: CATALOGUE },
        cursorFields: ['sortName', 'id'],
        toNode: toRecord,
      },
      page,
    );
    for (const { node } of result.edges) this.byId.prime(node.id, node);
    return result;
  }

  /** Writes a catalogue entry (seeding and administration; the API itself never calls it). */
  async put(product: ProductRecord): Promise<void> {
    const item: StoredProduct = { ...product, catalogue: CATALOGUE, sortName: sortNameOf(product.name) };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    this.byId.clear(product.id);
  }

  private async loadByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>> {
    const consistentRead = ids.some((id) => this.changedHere.has(id));
    const items = await batchGetAll<StoredProduct>(
      this.client,
      this.tableName,
      ids.map((id) => ({ id })),
      { consistentRead },
    );
    const byId = new Map(items.map((item) => [item.id, toRecord(item)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

function sortNameOf(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function toRecord({ catalogue: _catalogue, sortName: _sortName, ...product }: StoredProduct): ProductRecord {
  return {
    ...product,
    commentCount: product.commentCount ?? 0,
    ratingSum: product.ratingSum ?? 0,
    ratingCount: product.ratingCount ?? 0,
  };
}
