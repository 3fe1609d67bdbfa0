import type { TransactItem } from './transactions';
import { nameSortKey, newestSortKey, priceSortKey, searchPrefixesOf, searchTextOf } from './listingKeys';
import type { ProductRecord } from './models';

/**
 * The listing table: the orders, categories and search words the products table's own key cannot
 * list. Key (`listing`, `productId`); local secondary indexes `byName`, `byPrice` and `byNewest`
 * sort each listing (keys: listingKeys.ts). Each live product has one entry in
 *
 * - `all`: the whole catalogue,
 * - `category#<slug>`: each of its categories,
 * - `search#<prefix>`: each 1- to 3-character prefix of its name's words,
 *
 * and an archived product none. An entry carries what a filter tests (price, categories, the
 * name's words) but not the stock, which checkouts change on the product item alone: a listing
 * reads the entries, then the products (one BatchGetItem), and tests the stock on those. The
 * entries change in the transaction that changes the product (productChanges.ts); a product has at
 * most 1 + 5 + 30 of them.
 */
export const LISTING_INDEX = { name: 'byName', price: 'byPrice', newest: 'byNewest' } as const;

export const WHOLE_CATALOGUE_LISTING = 'all';

export function categoryListing(slug: string): string {
  return `category#${slug}`;
}

export function searchListing(prefix: string): string {
  return `search#${prefix}`;
}

export interface ListingEntry {
  listing: string;
  productId: string;
  sortName: string;
  priceKey: string;
  newestKey: string;
  price: number;
  categories: string[];
  /** The name's folded words, each after a space (listingKeys.ts). */
  searchText: string;
}

/** Every entry of the product, none when it is archived (or absent). */
export function listingEntriesOf(product: ProductRecord | null): ListingEntry[] {
  if (!product || product.archived) return [];
  const fields = {
    productId: product.id,
    sortName: nameSortKey(product.name, product.id),
    priceKey: priceSortKey(product.price, product.id),
    newestKey: newestSortKey(product.createdAt, product.id),
    price: product.price,
    categories: product.categories,
    searchText: searchTextOf(product.name),
  };
  const listings = [
    WHOLE_CATALOGUE_LISTING,
    ...product.categories.map(categoryListing),
    ...searchPrefixesOf(product.name).map(searchListing),
  ];
  return listings.map((listing) => ({ listing, ...fields }));
}

/**
 * The writes that take the listing table from `before` to `after`: a Put for every entry that is
 * new or changed, a Delete for every entry that is gone.
 */
export function listingWrites(
  tableName: string,
  before: ProductRecord | null,
  after: ProductRecord | null,
): TransactItem[] {
  const old = new Map(listingEntriesOf(before).map((entry) => [entry.listing, entry]));
  const next = listingEntriesOf(after);
  const writes: TransactItem[] = [];
  for (const entry of next) {
    const previous = old.get(entry.listing);
    old.delete(entry.listing);
    if (previous && sameEntry(previous, entry)) continue;
    writes.push({ Put: { TableName: tableName, Item: entry } });
  }
  for (const gone of old.values()) {
    writes.push({
      Delete: { TableName: tableName, Key: { listing: gone.listing, productId: gone.productId } },
    });
  }
  return writes;
}

function sameEntry(a: ListingEntry, b: ListingEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
