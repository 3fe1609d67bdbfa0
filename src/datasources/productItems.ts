import type { ProductRecord } from './models';

/**
 * How a product is stored in the products table. Key `id`; GSI `byName` (partition `catalogue`,
 * sort `sortName`) lists products in name order. Live products are in the `ALL` partition,
 * archived ones in `ARCHIVED`, so the shoppers' listing never reads an archived product and the
 * staff's listing reads the second partition after the first. `sortName` is the name folded for
 * sorting (case and accents ignored): DynamoDB compares strings byte by byte, which would put
 * "Zebra" before "apple". One partition suits a store-sized catalogue (thousands of items); a far
 * larger one would shard `catalogue`.
 */
export const LIVE_CATALOGUE = 'ALL';
export const ARCHIVED_CATALOGUE = 'ARCHIVED';
export const BY_NAME_INDEX = 'byName';

export type StoredProduct = Omit<ProductRecord, 'archived'> & {
  catalogue: string;
  sortName: string;
  /** Present, and true, only while archived: write conditions test `attribute_not_exists(archived)`. */
  archived?: true;
  /** The token of the last stock adjustment (CatalogueStore.adjustStock), against a repeat of it. */
  lastAdjustment?: string;
  /** Counts the moderations of its comments, which other comment writes are conditioned on (recentComments.ts). */
  moderationVersion?: number;
};

export function toStoredProduct(product: ProductRecord): StoredProduct {
  const { archived, ...fields } = product;
  return {
    ...fields,
    catalogue: archived ? ARCHIVED_CATALOGUE : LIVE_CATALOGUE,
    sortName: sortNameOf(product.name),
    ...(archived ? { archived: true } : {}),
  };
}

export function toProductRecord({
  catalogue: _catalogue,
  sortName: _sortName,
  lastAdjustment: _lastAdjustment,
  moderationVersion: _moderationVersion,
  archived,
  ...product
}: StoredProduct): ProductRecord {
  return {
    ...product,
    commentCount: product.commentCount ?? 0,
    ratingSum: product.ratingSum ?? 0,
    ratingCount: product.ratingCount ?? 0,
    archived: archived === true,
  };
}

/**
 * A sort key holds at most 1024 bytes, and folding can lengthen a name several times over ("㍿"
 * becomes "株式会社"): the key is cut, on a character boundary, to what fits. It only orders the
 * listing, so two names alike for their first few hundred characters fall back to id order.
 */
const MAX_SORT_KEY_BYTES = 1024;

export function sortNameOf(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (Buffer.byteLength(folded) <= MAX_SORT_KEY_BYTES) return folded;
  let cut = '';
  for (const character of folded) {
    if (Buffer.byteLength(cut + character) > MAX_SORT_KEY_BYTES) break;
    cut += character;
  }
  return cut;
}
