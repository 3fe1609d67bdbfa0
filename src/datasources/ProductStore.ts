import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { BATCH_GET_LIMIT, batchGetAll } from './batchGet';
import { isStorableKey } from './keys';
import type { Page, PageRequest, ProductRecord } from './models';
import { cursorCollection, queryPage } from './pagedQuery';
import { browseProducts, type ProductQuery } from './productBrowse';
import {
  readStoredProduct,
  sameListingVersion,
  sendProductChange,
  type CatalogueTables,
} from './productChanges';
import {
  ARCHIVED_CATALOGUE,
  BY_NAME_INDEX,
  toProductRecord,
  toStoredProduct,
  type StoredProduct,
} from './productItems';

/** Cursors of the archived partition, told apart from the live one's (browsePlans.ts: `product`). */
const ARCHIVED_COLLECTION = 'archivedProduct';

/**
 * Reads of the products table (layout: productItems.ts). Everything a shopper's request reads goes
 * through `getById`, `getByIds`, `getLatestByIds` and `list`, which never return an archived
 * product: carts, checkout and comments treat it as gone without knowing archiving exists. Staff
 * reads say so in their names.
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
    private readonly tables: CatalogueTables,
  ) {}

  async getById(id: string): Promise<ProductRecord | null> {
    return forShoppers(await this.getIncludingArchived(id));
  }

  async getByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>> {
    return Promise.all(ids.map((id) => this.getById(id)));
  }

  /** For staff: the product whether archived or not. */
  async getIncludingArchived(id: string): Promise<ProductRecord | null> {
    return isStorableKey(id) ? this.byId.load(id) : null;
  }

  /**
   * Strongly consistent, uncached reads (≤100 ids) for a read-then-write decision: checkout prices
   * and stock-checks from these, and re-reads them on every retry.
   */
  async getLatestByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>> {
    const storable = [...new Set(ids)].filter(isStorableKey);
    const items = await batchGetAll<StoredProduct>(
      this.client,
      this.tables.products,
      storable.map((id) => ({ id })),
      { consistentRead: true },
    );
    const byId = new Map(items.map((item) => [item.id, toProductRecord(item)]));
    return ids.map((id) => forShoppers(byId.get(id) ?? null));
  }

  /**
   * This request changed the product: drop the copy read before, and read it strongly consistent
   * if anything asks for it again, so the response shows the change. Lazy, so a mutation whose
   * response does not select the product costs no extra read.
   */
  markChanged(id: string): void {
    this.byId.clear(id);
    this.changedHere.add(id);
  }

  /**
   * The catalogue in name order. With `includeArchived` (staff), the archived products follow the
   * live ones: a page that ends the live partition is filled from the archived one, or, when
   * already full, learns from one more read whether any archived product follows. At most 2 Queries.
   */
  async list(page: PageRequest, { includeArchived = false } = {}): Promise<Page<ProductRecord>> {
    if (includeArchived && page.after && cursorCollection(page.after) === ARCHIVED_COLLECTION) {
      return this.listPartition(ARCHIVED_CATALOGUE, ARCHIVED_COLLECTION, page);
    }
    // The live partition as shoppers browse it by name (productBrowse.ts), the same cursors.
    const live = await this.browse({ sort: 'NAME' }, page);
    if (!includeArchived || live.hasNextPage) return live;
    const room = page.first - live.edges.length;
    const archived = await this.listPartition(ARCHIVED_CATALOGUE, ARCHIVED_COLLECTION, {
      first: Math.max(room, 1),
      after: null,
    });
    if (room === 0) return { edges: live.edges, hasNextPage: archived.edges.length > 0 };
    return { edges: [...live.edges, ...archived.edges], hasNextPage: archived.hasNextPage };
  }

  /**
   * Products in `query.sort` order that pass its filter (productBrowse.ts). Shoppers' only: a
   * listing never holds an archived product.
   */
  async browse(query: ProductQuery, page: PageRequest): Promise<Page<ProductRecord>> {
    const result = await browseProducts(this.client, this.tables, (ids) => this.getByIds(ids), query, page);
    for (const { node } of result.edges) this.byId.prime(node.id, node);
    return result;
  }

  /**
   * Writes a catalogue entry as it is, with its listing entries and category counters (seeding,
   * tests and the load test; the API writes through CatalogueStore). Its categories must exist.
   */
  async put(product: ProductRecord): Promise<void> {
    const read = await readStoredProduct(this.client, this.tables.products, product.id);
    const version = read ? sameListingVersion(read) : null;
    const result = await sendProductChange(
      this.client,
      this.tables,
      {
        Put: {
          TableName: this.tables.products,
          Item: { ...toStoredProduct(product), listingVersion: version?.next ?? 1 },
          ConditionExpression: version?.condition ?? 'attribute_not_exists(#listingVersion)',
          ExpressionAttributeNames: { '#listingVersion': 'listingVersion' },
          ...(version && Object.keys(version.values).length > 0
            ? { ExpressionAttributeValues: version.values }
            : {}),
        },
      },
      read ? toProductRecord(read) : null,
      product,
      read && version ? version.listed(toProductRecord(read)) : null,
    );
    if (result.outcome !== 'written')
      throw new Error(`Could not put product ${product.id}: ${result.outcome}`);
    this.byId.clear(product.id);
  }

  /** Access pattern: one partition of `byName`, in name order, after the cursor's (sortName, id). */
  private async listPartition(
    catalogue: string,
    collection: string,
    page: PageRequest,
  ): Promise<Page<ProductRecord>> {
    const result = await queryPage(
      this.client,
      {
        collection,
        input: {
          TableName: this.tables.products,
          IndexName: BY_NAME_INDEX,
          KeyConditionExpression: '#catalogue = :catalogue',
          ExpressionAttributeNames: { '#catalogue': 'catalogue' },
          ExpressionAttributeValues: { ':catalogue': catalogue },
        },
        partition: { catalogue },
        cursorFields: ['sortName', 'id'],
        toNode: toProductRecord,
      },
      page,
    );
    for (const { node } of result.edges) this.byId.prime(node.id, node);
    return result;
  }

  /** Access pattern: BatchGetItem by `id` (≤100 keys), consistent once this request wrote one. */
  private async loadByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>> {
    const consistentRead = ids.some((id) => this.changedHere.has(id));
    const items = await batchGetAll<StoredProduct>(
      this.client,
      this.tables.products,
      ids.map((id) => ({ id })),
      { consistentRead },
    );
    const byId = new Map(items.map((item) => [item.id, toProductRecord(item)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

function forShoppers(product: ProductRecord | null): ProductRecord | null {
  return product?.archived ? null : product;
}
