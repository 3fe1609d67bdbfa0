import { wordsOf } from '../datasources/listingKeys';
import type { ProductQuery, ProductSort } from '../datasources/productBrowse';
import { badUserInput } from '../shared/errors';
import { checkedSlug } from './inputRules';
import { MAX_AMOUNT } from './pricing';

/**
 * A shopper's sort and filter, checked before any read: a search of 1..5 words of 1..30 letters or
 * digits (longer ones are not what a search box sends, and every word is one more condition on each
 * entry read), prices in range and in order, a category slug that can be a key.
 */
const MAX_SEARCH_WORDS = 5;
const MAX_SEARCH_WORD_LENGTH = 30;

export interface ProductFilterInput {
  category?: string | null;
  search?: string | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  inStock?: boolean | null;
}

export function productQuery(sort: ProductSort, filter: ProductFilterInput | null | undefined): ProductQuery {
  const query: ProductQuery = { sort };
  if (!filter) return query;
  if (filter.category !== null && filter.category !== undefined) {
    query.category = checkedSlug('filter.category', filter.category);
  }
  if (filter.search !== null && filter.search !== undefined) query.words = searchWords(filter.search);
  if (filter.minPrice !== null && filter.minPrice !== undefined)
    query.minPrice = price('minPrice', filter.minPrice);
  if (filter.maxPrice !== null && filter.maxPrice !== undefined)
    query.maxPrice = price('maxPrice', filter.maxPrice);
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw badUserInput('filter.minPrice must not be above filter.maxPrice', { field: 'filter.minPrice' });
  }
  if (filter.inStock !== null && filter.inStock !== undefined) query.inStock = filter.inStock;
  return query;
}

function searchWords(search: string): string[] {
  const words = wordsOf(search);
  const tooLong = words.find((word) => [...word].length > MAX_SEARCH_WORD_LENGTH);
  if (words.length === 0 || words.length > MAX_SEARCH_WORDS || tooLong !== undefined) {
    throw badUserInput(
      `filter.search must be 1 to ${MAX_SEARCH_WORDS} words of 1 to ${MAX_SEARCH_WORD_LENGTH} letters or digits`,
      { field: 'filter.search' },
    );
  }
  // "bird bi" asks no more than "bird": a word that starts another word of the search is implied.
  return words.filter(
    (word, position) =>
      !words.some(
        (other, at) => (other !== word && other.startsWith(word)) || (other === word && at < position),
      ),
  );
}

function price(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_AMOUNT) {
    throw badUserInput(`filter.${field} must be a whole number from 0 to ${MAX_AMOUNT}`, {
      field: `filter.${field}`,
    });
  }
  return value;
}
