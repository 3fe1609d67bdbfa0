import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { priceBound, SEARCH_PREFIX_LENGTH, searchableWordsOf, SORT_KEY_SEPARATOR } from './listingKeys';
import type { ProductRecord } from './models';
import { BY_NAME_INDEX, LIVE_CATALOGUE } from './productItems';
import { categoryListing, LISTING_INDEX, searchListing, WHOLE_CATALOGUE_LISTING } from './productListings';

export type ProductSort = 'NAME' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';

/** A query as the domain checked it: search words folded, prices in range. */
export interface ProductQuery {
  sort: ProductSort;
  category?: string;
  /** Folded words (listingKeys.ts `wordsOf`), 1..5 of them, none a prefix of another. */
  words?: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

/**
 * Where a query reads from, and how (productBrowse.ts reads it). The whole catalogue in name order
 * is the products table's own `byName` index, whose items are whole products, filtered by
 * DynamoDB: one call for a page, as the home page needs. Every other query reads a listing of the
 * listing table (productListings.ts) through the index of its order, then its products.
 */
export type BrowsePlan = {
  /** Tags cursors: one listing, in one index, in one direction. */
  collection: string;
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  partition: Record<string, string>;
  cursorFields: readonly string[];
  /** Whether a cursor's key is one this plan could have issued (DynamoDB refuses one out of range). */
  validStart(start: Record<string, string>): boolean;
  /** Whether items are dropped (by DynamoDB's filter or by `accepts`): reads go on in batches. */
  filtered: boolean;
} & (
  | { source: 'products' }
  | {
      source: 'listing';
      /** Only the product read tells (its stock): load every entry of a batch, even past the page. */
      checksStock: boolean;
      /**
       * The product read still passes the filter: the entry and the product are two reads that a
       * change in between can set apart for a moment, and the product is what the page shows.
       */
      accepts(product: ProductRecord): boolean;
    }
);

export function planOf(
  tables: { products: string; productListings: string },
  query: ProductQuery,
): BrowsePlan {
  const filter = new FilterBuilder();
  if (!query.category && !query.words && query.sort === 'NAME') {
    // Access pattern: Query `byName` (catalogue = ALL), in name order; price and stock filtered by DynamoDB.
    filter.priceRange(query);
    if (query.inStock !== undefined) {
      filter.add(query.inStock ? '#stock > :zero' : '#stock = :zero', { '#stock': 'stock' }, { ':zero': 0 });
    }
    return {
      source: 'products',
      collection: 'product',
      input: {
        TableName: tables.products,
        IndexName: BY_NAME_INDEX,
        KeyConditionExpression: '#catalogue = :catalogue',
        ...filter.merged({ '#catalogue': 'catalogue' }, { ':catalogue': LIVE_CATALOGUE }),
      },
      partition: { catalogue: LIVE_CATALOGUE },
      cursorFields: ['sortName', 'id'],
      // No range condition: any position in the partition continues it.
      validStart: () => true,
      filtered: !filter.empty,
    };
  }
  // Access pattern: Query one listing of the listing table through the index of the sort, then
  // BatchGetItem its products. A search reads the listing of its longest word's prefix, and tests
  // the other words (and a category) on each entry; otherwise the category's or the whole catalogue's.
  const listing = listingOf(query, filter);
  const { index, key } = indexOf(query.sort);
  const forward = query.sort === 'NAME' || query.sort === 'PRICE_ASC';
  const keyNames: Record<string, string> = { '#listing': 'listing' };
  const keyValues: Record<string, unknown> = { ':listing': listing };
  let keyCondition = '#listing = :listing';
  const priceRange = key === 'priceKey' && (query.minPrice !== undefined || query.maxPrice !== undefined);
  const low = query.minPrice ?? 0;
  const high = query.maxPrice ?? 2 ** 31 - 1;
  if (priceRange) {
    keyCondition += ' AND #priceKey BETWEEN :low AND :high';
    Object.assign(keyNames, { '#priceKey': 'priceKey' });
    Object.assign(keyValues, { ':low': priceBound(low), ':high': `${priceBound(high)}\uffff` });
  } else {
    filter.priceRange(query);
  }
  const checksStock = query.inStock !== undefined;
  return {
    source: 'listing',
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
    validStart: (start) => {
      // Every sort key of an entry ends with the separator and the product's id (listingKeys.ts).
      const sortKey = start[key] ?? '';
      if (!sortKey.endsWith(SORT_KEY_SEPARATOR + start.productId)) return false;
      if (key !== 'priceKey') return true;
      const price = sortKey.slice(0, 10);
      if (!/^\d{10}$/.test(price) || sortKey[10] !== SORT_KEY_SEPARATOR) return false;
      return !priceRange || (Number(price) >= low && Number(price) <= high);
    },
    filtered: !filter.empty || checksStock,
    checksStock,
    accepts: (product) =>
      (query.inStock === undefined || product.stock > 0 === query.inStock) &&
      (query.minPrice === undefined || product.price >= query.minPrice) &&
      (query.maxPrice === undefined || product.price <= query.maxPrice) &&
      (query.category === undefined || product.categories.includes(query.category)) &&
      (query.words === undefined || hasWords(product.name, query.words)),
  };
}

function hasWords(name: string, words: readonly string[]): boolean {
  const searchable = searchableWordsOf(name);
  return words.every((word) => searchable.some((candidate) => candidate.startsWith(word)));
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

function indexOf(sort: ProductSort): { index: string; key: 'sortName' | 'priceKey' | 'newestKey' } {
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
