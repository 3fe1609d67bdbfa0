/**
 * The sort keys and search words of a product, as every index that lists products stores them.
 * DynamoDB orders strings byte by byte and leaves the order of equal sort keys unspecified, so
 * each key here is unique per product (its id follows a separator that sorts below any character
 * of a name) and folded so that "apple" and "Zebra", or "Éclair" and "Eclair", compare as shoppers
 * expect.
 */

/** Below every printable character, so "ab" and its id sort before "ab c" and its id. */
export const SORT_KEY_SEPARATOR = '\u0001';
/** A sort key holds at most 1024 bytes. */
const MAX_SORT_KEY_BYTES = 1024;
/** Prices are GraphQL Ints (≤ 2147483647): ten digits, zero-padded, compare as numbers. */
const PRICE_DIGITS = 10;

/** Case and accents ignored: "Éclair" → "eclair", "㍿" → "株式会社". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text as search sees them: folded runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Name order: the folded name, then the id. Folding can lengthen a name several times over, so
 * the name is cut, on a character boundary, to what fits beside the id: two names alike for their
 * first few hundred characters fall back to id order.
 */
export function nameSortKey(name: string, id: string): string {
  const suffix = SORT_KEY_SEPARATOR + id;
  const room = MAX_SORT_KEY_BYTES - Buffer.byteLength(suffix);
  const folded = foldText(name);
  if (Buffer.byteLength(folded) <= room) return folded + suffix;
  let cut = '';
  for (const character of folded) {
    if (Buffer.byteLength(cut + character) > room) break;
    cut += character;
  }
  return cut + suffix;
}

/** Price order, ties by id. */
export function priceSortKey(price: number, id: string): string {
  return priceBound(price) + SORT_KEY_SEPARATOR + id;
}

/**
 * The part of a price key a price range compares: every key of a price p lies between
 * priceBound(p) and priceBound(p) + '\uffff'.
 */
export function priceBound(price: number): string {
  return String(price).padStart(PRICE_DIGITS, '0');
}

/** Catalogue order (oldest first), ties by id: read backwards, newest first. */
export function newestSortKey(createdAt: string, id: string): string {
  return createdAt + SORT_KEY_SEPARATOR + id;
}

/**
 * The search index's partitions of a name: each word's prefixes of 1 to SEARCH_PREFIX_LENGTH
 * characters, without repeats. A product's index entries change in one transaction, which holds at
 * most 100 items, so only a name's first words are indexed: those whose prefixes fit in
 * MAX_SEARCH_PREFIXES. A search reads the partition of one of its words and checks the others
 * against `searchText`, which holds the same words, so every word of a search finds the same names.
 */
export const SEARCH_PREFIX_LENGTH = 3;
export const MAX_SEARCH_PREFIXES = 30;

/** The words of a name that search finds, in name order. */
export function searchableWordsOf(name: string): string[] {
  const prefixes = new Set<string>();
  const searchable: string[] = [];
  for (const word of wordsOf(name)) {
    const own = prefixesOf(word).filter((prefix) => !prefixes.has(prefix));
    if (prefixes.size + own.length > MAX_SEARCH_PREFIXES) break;
    own.forEach((prefix) => prefixes.add(prefix));
    searchable.push(word);
  }
  return searchable;
}

export function searchPrefixesOf(name: string): string[] {
  return [...new Set(searchableWordsOf(name).flatMap(prefixesOf))];
}

/**
 * The searchable words, each after a space: `contains(searchText, " bi")` holds exactly when one
 * starts with "bi".
 */
export function searchTextOf(name: string): string {
  return searchableWordsOf(name)
    .map((word) => ` ${word}`)
    .join('');
}

function prefixesOf(word: string): string[] {
  const characters = [...word];
  return Array.from({ length: Math.min(SEARCH_PREFIX_LENGTH, characters.length) }, (_, index) =>
    characters.slice(0, index + 1).join(''),
  );
}
