import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../shared/errors';
import { priceBound } from './listingKeys';
import type { Page, PageRequest, ProductRecord } from './models';
import { decodeCursor, encodeCursor } from './pagedQuery';
import { BY_NAME_INDEX, LIVE_CATALOGUE, toProductRecord, type StoredProduct } from './productItems';
import {
  categoryListing,
  LISTING_INDEX,
  searchListing,
  WHOLE_CATALOGUE_LISTING,
  type ListingEntry,
} from './productListings';
import { SEARCH_PREFIX_LENGTH } from './listingKeys';

export type ProductSort = 'NAME' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';

/** A filter as the domain checked it: search words folded, prices in range. */
export interface ProductQuery {
  sort: ProductSort;
  category?: string;
  /** Folded words (listingKeys.ts `wordsOf`), 1..5 of them. */
  words?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

/**
 * A filter that drops items keeps reading, a batch after another, but never more than this many:
 * a narrow filter over a large listing gets a shorter page, whose cursor continues after what was
 * read, rather than an unbounded request. Each batch is one Query, and for the listing table one
 * BatchGetItem: at most 8 calls, as schema.graphql prices a filter.
 */
export const MAX_BATCHES = 4;
/** Items a filtered batch evaluates: many small listing entries are one cheap read. */
const FILTERED_BATCH = 100;

/** Reads the products of listing entries, in one BatchGetItem (≤ 100 ids), archived ones as null. */
export type LoadProducts = (ids: readonly string[]) => Promise<Array<ProductRecord | null>>;

/**
 * Where a query reads from, and how. The whole catalogue in name order is the products table's
 * own `byName` index, whose items are whole products (one call for a page, as before browsing
 * existed); every other query reads a listing of the listing table (productListings.ts) through
 * the index of its order, then its products.
 */
interface BrowsePlan {
  collection: string;
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  partition: Record<string, string>;
  cursorFields: readonly string[];
  inRange?: (start: Record<string, string>) => boolean;
  /** DynamoDB drops items (a FilterExpression), or this reader does (the stock test). */
  filtered: boolean;
  /**
   * The products of the items read, in order: null for one the filter drops, undefined for one
   * past the first `room` that is shown but was not loaded (it only tells that a page follows).
   */
  toProducts(
    items: Array<Record<string, unknown>>,
    room: number,
  ): Promise<Array<ProductRecord | null | undefined>>;
}

/**
 * The one way products are browsed: a plan (`planOf`), then Queries of that plan batch after
 * batch until the page is full, the listing ends or MAX_BATCHES is reached. Cursors hold the key
 * of the last item a page covers, so a page boundary never skips or repeats a product.
 */
export async function browseProducts(
  client: DynamoDBDocumentClient,
  tables: { products: string; productListings: string },
  loadProducts: LoadProducts,
  query: ProductQuery,
  { first, after }: PageRequest,
): Promise<Page<ProductRecord>> {
  const plan = planOf(tables, loadProducts, query);
  const start = after ? decodeCursor(plan.collection, after, plan.cursorFields) : undefined;
  if (start && plan.inRange && !plan.inRange(start)) throw new InvalidCursorError();
  const edges: Page<ProductRecord>['edges'] = [];
  let next: Record<string, unknown> | undefined = start && { ...plan.partition, ...start };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const room = first - edges.length;
    const output = await client.send(
      new QueryCommand({
        ...plan.input,
        ...(next ? { ExclusiveStartKey: next } : {}),
        // One more than the page holds tells whether another page follows.
        Limit: plan.filtered ? FILTERED_BATCH : room + 1,
      }),
    );
    const items = output.Items ?? [];
    const products = await plan.toProducts(items, room);
    for (const [position, item] of items.entries()) {
      const product = products[position];
      if (product === null) continue;
      // A product past a full page, loaded or not, says that another page follows.
      if (edges.length === first) return { edges, hasNextPage: true };
      if (product)
        edges.push({ cursor: encodeCursor(plan.collection, pick(item, plan.cursorFields)), node: product });
    }
    next = output.LastEvaluatedKey;
    if (!next) return { edges, hasNextPage: false };
  }
  // The batches ran out with the listing unfinished: the page ends where the reading did.
  return {
    edges,
    hasNextPage: true,
    endCursor: encodeCursor(plan.collection, pick(next ?? {}, plan.cursorFields)),
  };
}

function planOf(
  tables: { products: string; productListings: string },
  loadProducts: LoadProducts,
  query: ProductQuery,
): BrowsePlan {
  const filter = new FilterBuilder();
  const priceSorted = query.sort === 'PRICE_ASC' || query.sort === 'PRICE_DESC';
  if (!query.category && !query.words && query.sort === 'NAME') {
    // Access pattern: Query `byName` (catalogue = ALL), in name order; price and stock filtered by DynamoDB.
    filter.priceRange(query);
    if (query.inStock !== undefined)
      filter.add(query.inStock ? '#stock > :zero' : '#stock = :zero', { '#stock': 'stock' }, { ':zero': 0 });
    return {
      collection: 'product',
      input: {
        TableName: tables.products,
        IndexName: BY_NAME_INDEX,
        KeyConditionExpression: '#catalogue = :catalogue',
        ...filter.merged({ '#catalogue': 'catalogue' }, { ':catalogue': LIVE_CATALOGUE }),
      },
      partition: { catalogue: LIVE_CATALOGUE },
      cursorFields: ['sortName', 'id'],
      filtered: !filter.empty,
      toProducts: async (items) => items.map((item) => toProductRecord(item as StoredProduct)),
    };
  }
  // Access pattern: Query one listing of the listing table through the index of the sort, then
  // BatchGetItem its products. A search reads the listing of its longest word's prefix, and tests
  // the other words (and a category) on each entry; otherwise the category's or the whole catalogue's.
  const listing = listingOf(query, filter);
  const { index, key } = indexOf(query.sort);
  let keyCondition = '#listing = :listing';
  const keyNames: Record<string, string> = { '#listing': 'listing' };
  const keyValues: Record<string, unknown> = { ':listing': listing };
  let inRange: BrowsePlan['inRange'];
  if (priceSorted && (query.minPrice !== undefined || query.maxPrice !== undefined)) {
    const low = priceBound(query.minPrice ?? 0);
    const high = `${priceBound(query.maxPrice ?? 2 ** 31 - 1)}\uffff`;
    keyCondition += ' AND #priceKey BETWEEN :low AND :high';
    Object.assign(keyNames, { '#priceKey': 'priceKey' });
    Object.assign(keyValues, { ':low': low, ':high': high });
    inRange = (start) => start.priceKey! >= low && start.priceKey! <= high;
  } else {
    filter.priceRange(query);
  }
  const checksStock = query.inStock !== undefined;
  const forward = query.sort === 'NAME' || query.sort === 'PRICE_ASC';
  return {
    // A cursor continues one listing, in one index, in one direction.
    collection: `listing:${listing}:${index}:${forward ? 'up' : 'down'}`,
    input: {
      TableName: tables.productListings,
      IndexName: index,
      KeyConditionExpression: keyCondition,
      ScanIndexForward: forward,
      ...filter.merged(keyNames, keyValues),
    },
    partition: { listing },
    cursorFields: [key, 'productId'],
    ...(inRange ? { inRange } : {}),
    filtered: !filter.empty || checksStock,
    toProducts: async (items, room) => {
      // Without the stock test every entry read is shown: only the products the page shows are read.
      const loaded = checksStock ? items : items.slice(0, room);
      const products = await loadProducts(loaded.map((item) => (item as unknown as ListingEntry).productId));
      return items.map((_item, position) => {
        if (position >= loaded.length) return undefined;
        const product = products[position] ?? null;
        if (!product || !checksStock) return product;
        return product.stock > 0 === query.inStock ? product : null;
      });
    },
  };
}

function listingOf(query: ProductQuery, filter: FilterBuilder): string {
  if (!query.words) return query.category ? categoryListing(query.category) : WHOLE_CATALOGUE_LISTING;
  const longest = query.words.reduce((best, word) => ([...word].length > [...best].length ? word : best));
  const prefix = [...longest].slice(0, SEARCH_PREFIX_LENGTH).join('');
  query.words.forEach((word, position) => {
    // The listing itself says that some word starts with `prefix`.
    if (word === prefix) return;
    filter.add(
      `contains(#searchText, :word${position})`,
      { '#searchText': 'searchText' },
      { [`:word${position}`]: ` ${word}` },
    );
  });
  if (query.category) {
    filter.add(
      'contains(#categories, :category)',
      { '#categories': 'categories' },
      { ':category': query.category },
    );
  }
  return searchListing(prefix);
}

function indexOf(sort: ProductSort): { index: string; key: keyof ListingEntry } {
  switch (sort) {
    case 'NAME':
      return { index: LISTING_INDEX.name, key: 'sortName' };
    case 'PRICE_ASC':
    case 'PRICE_DESC':
      return { index: LISTING_INDEX.price, key: 'priceKey' };
    case 'NEWEST':
      return { index: LISTING_INDEX.newest, key: 'newestKey' };
  }
}

/** A FilterExpression built a condition at a time; both item kinds carry `price` as a number. */
class FilterBuilder {
  private readonly conditions: string[] = [];
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, unknown> = {};

  get empty(): boolean {
    return this.conditions.length === 0;
  }

  add(condition: string, names: Record<string, string>, values: Record<string, unknown>): void {
    this.conditions.push(condition);
    Object.assign(this.names, names);
    Object.assign(this.values, values);
  }

  priceRange({ minPrice, maxPrice }: Pick<ProductQuery, 'minPrice' | 'maxPrice'>): void {
    if (minPrice !== undefined)
      this.add('#price >= :minPrice', { '#price': 'price' }, { ':minPrice': minPrice });
    if (maxPrice !== undefined)
      this.add('#price <= :maxPrice', { '#price': 'price' }, { ':maxPrice': maxPrice });
  }

  merged(
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
    return {
      ...(this.empty ? {} : { FilterExpression: this.conditions.join(' AND ') }),
      ExpressionAttributeNames: { ...names, ...this.names },
      ExpressionAttributeValues: { ...values, ...this.values },
    };
  }
}

function pick(item: Record<string, unknown>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(item[field])]));
}
