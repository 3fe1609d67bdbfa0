/**
 * The sort keys and search words of a product, as every index that lists products stores them.
 * DynamoDB orders strings byte by byte and leaves the order of equal sort keys unspecified, so
 * each key here is unique per product (its id follows a separator that sorts below any character
 * of a name) and folded so that "apple" and "Zebra", or "Éclair" and "Eclair", compare as shoppers
 * expect.
 */

/** Below every printable character: "ab" + SEPARATOR + id sorts before "ab c" + SEPARATOR + id. */
const SEPARATOR = '\u0001';
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
  const suffix = SEPARATOR + id;
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
  return priceBound(price) + SEPARATOR + id;
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
  return createdAt + SEPARATOR + id;
}

/**
 * The search index's partitions of a name: each word's prefixes of 1 to SEARCH_PREFIX_LENGTH
 * characters, without repeats, at most MAX_SEARCH_PREFIXES in name order (a product's index
 * entries change in one transaction, which holds at most 100 items). A search reads the partition
 * of one of its words and checks the others against `searchText`.
 */
export const SEARCH_PREFIX_LENGTH = 3;
export const MAX_SEARCH_PREFIXES = 30;

export function searchPrefixesOf(name: string): string[] {
  const prefixes = new Set<string>();
  for (const word of wordsOf(name)) {
    const characters = [...word];
    for (let length = 1; length <= Math.min(SEARCH_PREFIX_LENGTH, characters.length); length += 1) {
      prefixes.add(characters.slice(0, length).join(''));
    }
  }
  return [...prefixes].slice(0, MAX_SEARCH_PREFIXES);
}

/**
 * The name's words, each after a space: `contains(searchText, " bi")` holds exactly when a word
 * starts with "bi".
 */
export function searchTextOf(name: string): string {
  return wordsOf(name)
    .map((word) => ` ${word}`)
    .join('');
}
