import { nameSortKey } from './listingKeys';
import type { ProductRecord } from './models';

/**
 * How a product is stored in the products table. Key `id`; GSI `byName` (partition `catalogue`,
 * sort `sortName`) lists products in name order. Live products are in the `ALL` partition,
 * archived ones in `ARCHIVED`, so the shoppers' listing never reads an archived product and the
 * staff's listing reads the second partition after the first. `sortName` is unique per product
 * (listingKeys.ts). One partition suits a store-sized catalogue (thousands of items); a far larger
 * one would shard `catalogue`. Every other order, the categories and search are the listing
 * table's (productListings.ts).
 */
export const LIVE_CATALOGUE = 'ALL';
export const ARCHIVED_CATALOGUE = 'ARCHIVED';
export const BY_NAME_INDEX = 'byName';

/** Products created before they were dated sort as the oldest. */
const UNDATED = '1970-01-01T00:00:00.000Z';

export type StoredProduct = Omit<ProductRecord, 'archived' | 'categories' | 'createdAt'> & {
  catalogue: string;
  sortName: string;
  /** Present, and true, only while archived: write conditions test `attribute_not_exists(archived)`. */
  archived?: true;
  /** Absent on items written before categories existed. */
  categories?: string[];
  /** Absent on items written before products were dated. */
  createdAt?: string;
  /** The token of the last stock adjustment (CatalogueStore.adjustStock), against a repeat of it. */
  lastAdjustment?: string;
  /** Counts the moderations of its comments, which other comment writes are conditioned on (recentComments.ts). */
  moderationVersion?: number;
  /**
   * Counts the writes that changed what the listing table holds of it (name, price, categories,
   * archived): each is conditioned on the count it read, so two never interleave.
   */
  listingVersion?: number;
};

export function toStoredProduct(product: ProductRecord): StoredProduct {
  const { archived, ...fields } = product;
  return {
    ...fields,
    catalogue: archived ? ARCHIVED_CATALOGUE : LIVE_CATALOGUE,
    sortName: nameSortKey(product.name, product.id),
    ...(archived ? { archived: true } : {}),
  };
}

export function toProductRecord({
  catalogue: _catalogue,
  sortName: _sortName,
  lastAdjustment: _lastAdjustment,
  moderationVersion: _moderationVersion,
  listingVersion: _listingVersion,
  archived,
  categories,
  createdAt,
  ...product
}: StoredProduct): ProductRecord {
  return {
    ...product,
    commentCount: product.commentCount ?? 0,
    ratingSum: product.ratingSum ?? 0,
    ratingCount: product.ratingCount ?? 0,
    archived: archived === true,
    categories: categories ?? [],
    createdAt: createdAt ?? UNDATED,
  };
}
