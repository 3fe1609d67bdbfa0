import type { CatalogueProduct } from './browseCatalogue';
import type { ProductFilter, ProductSort } from './browseQueries';

/**
 * The listing a browsing suite must be answered, computed in memory from the products it created:
 * names folded and ordered as the store folds and orders them, the filters, and the shape of a
 * walk through the pages.
 */

/** A name as the store orders and searches it: NFKD, combining marks removed, lower case. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text once folded: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** DynamoDB's order of strings: their UTF-8 bytes. */
function bytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function compareBy(sort: ProductSort): (a: CatalogueProduct, b: CatalogueProduct) => number {
  switch (sort) {
    case 'NAME':
      return (a, b) => bytes(fold(a.name), fold(b.name)) || bytes(a.id, b.id);
    case 'PRICE_ASC':
      return (a, b) => a.price - b.price || bytes(a.id, b.id);
    case 'PRICE_DESC':
      return (a, b) => b.price - a.price || bytes(b.id, a.id);
    case 'NEWEST':
      return (a, b) => bytes(b.createdAt, a.createdAt) || bytes(b.id, a.id);
  }
}

export function matches(product: CatalogueProduct, filter: ProductFilter): boolean {
  const { category, search, minPrice, maxPrice, inStock } = filter;
  if (category !== undefined && !product.categories.includes(category)) return false;
  if (minPrice !== undefined && product.price < minPrice) return false;
  if (maxPrice !== undefined && product.price > maxPrice) return false;
  if (inStock !== undefined && product.stock > 0 !== inStock) return false;
  if (search !== undefined) {
    const words = wordsOf(product.name);
    return wordsOf(search).every((term) => words.some((word) => word.startsWith(term)));
  }
  return true;
}

/** The ids a shopper must be listed, in order: live products matching `filter`, in `sort` order. */
export function expectedIds(
  products: Iterable<CatalogueProduct>,
  sort: ProductSort,
  filter: ProductFilter = {},
): string[] {
  return [...products]
    .filter((product) => !product.archived && matches(product, filter))
    .sort(compareBy(sort))
    .map((product) => product.id);
}

/** What a walk of `count` items in pages of `first` looks like: each page's size and hasNextPage. */
export function expectedShape(count: number, first: number): Array<[number, boolean]> {
  if (count === 0) return [[0, false]];
  const shape: Array<[number, boolean]> = [];
  for (let start = 0; start < count; start += first) {
    shape.push([Math.min(first, count - start), start + first < count]);
  }
  return shape;
}
