import {
  anonymous,
  answered,
  HUGE,
  PRODUCT_ID,
  signed,
  staffSigned,
  type HostileCase,
} from './hostileRequest';

/**
 * Browsing with garbage sorts, filters and cursors, and the category staff operations tried by
 * shoppers and strangers or given bad input: each a clear refusal that writes nothing.
 */
const BROWSE = `query B($s: ProductSort, $f: ProductFilter, $c: String, $a: Boolean) {
  products(first: 5, sort: $s, filter: $f, after: $c, includeArchived: $a) { nodes { id } }
}`;
const CREATE_CATEGORY = 'mutation C($input: CreateCategoryInput!) { createCategory(input: $input) { slug } }';
const RENAME_CATEGORY = 'mutation R($s: ID!, $n: String!) { renameCategory(slug: $s, name: $n) { slug } }';
const REORDER_CATEGORIES = 'mutation O($s: [ID!]!) { reorderCategories(slugs: $s) { slug } }';
const DELETE_CATEGORY = 'mutation D($s: ID!) { deleteCategory(slug: $s) { slug } }';
const CREATE_PRODUCT = 'mutation P($input: CreateProductInput!) { createProduct(input: $input) { id } }';

const filtered = (f: Record<string, unknown>, s = 'NAME') =>
  anonymous({ query: BROWSE, variables: { s, f } });
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A well-formed name-order cursor of the product listing, replayed on another sort. */
const NAME_CURSOR = cursor({ c: 'product', k: { sortName: 'lonely bird', id: PRODUCT_ID } });
/**
 * A price-order cursor of the whole catalogue as the API issues one (`{ c, k: { priceKey,
 * productId } }`, the key of the entry a page ended on), used with a price range of 100..500: a
 * forged `priceKey` must be refused before it reaches DynamoDB, which refuses a start key outside
 * the key condition's range (as an internal error) and compares strings by UTF-8 bytes.
 */
const inPriceRange = (priceKey: string, productId = PRODUCT_ID) =>
  anonymous({
    query: BROWSE,
    variables: {
      s: 'PRICE_ASC',
      f: { minPrice: 100, maxPrice: 500 },
      c: cursor({ c: 'listing:all:byPrice:up', k: { priceKey, productId } }),
    },
  });
const newProduct = (categories: string[]) =>
  staffSigned({
    query: CREATE_PRODUCT,
    variables: { input: { id: 'shelved-product', name: 'Shelved', code: 'S-1', price: 100, categories } },
  });

export const BROWSE_CASES: HostileCase[] = [
  ...answered(200, 'BAD_USER_INPUT', {
    'a search of 6 words': filtered({ search: 'lonely bird a b c d' }),
    'a search word of 31 letters': filtered({ search: 'b'.repeat(31) }),
    'a blank search': filtered({ search: ' \t\n ' }),
    'an empty search': filtered({ search: '' }),
    'a search of punctuation only': filtered({ search: '!?-/*%' }),
    'a search of a lone surrogate and control characters': filtered({ search: '\uD800\u0000\u202E' }),
    'a 60 KB search': filtered({ search: HUGE }),
    'a negative minPrice': filtered({ minPrice: -1 }, 'PRICE_ASC'),
    'the smallest 32-bit maxPrice': filtered({ maxPrice: -2147483648 }, 'PRICE_DESC'),
    'minPrice over maxPrice': filtered({ minPrice: 3000, maxPrice: 2999 }, 'NEWEST'),
    'a category that is not a slug': filtered({ category: 'Garden Tools!' }),
    'a category of 60 KB': filtered({ category: HUGE }),
    'a forged cursor with a sort': anonymous({ query: BROWSE, variables: { s: 'PRICE_ASC', c: 'forged' } }),
    'a huge cursor with a filter': anonymous({ query: BROWSE, variables: { f: { inStock: true }, c: HUGE } }),
    'a cursor of JSON of no known shape, with a sort': anonymous({
      query: BROWSE,
      variables: { s: 'NEWEST', c: cursor({ c: 'product', k: { price: '1', id: 'x' } }) },
    }),
    'a price cursor whose priceKey ends in an emoji, not the separator and id': inPriceRange('0000000500😀'),
    'a price cursor whose priceKey has no separator': inPriceRange('0000000300'),
    'a price cursor whose priceKey has 9 digits': inPriceRange(`000000030\u0001${PRODUCT_ID}`),
    'a price cursor whose priceKey is above the price range': inPriceRange(`0000000600\u0001${PRODUCT_ID}`),
    'a price cursor whose priceKey is below the price range': inPriceRange(`0000000099\u0001${PRODUCT_ID}`),
    'a price cursor whose priceKey ends in another product id': inPriceRange(
      '0000000300\u0001another-product',
    ),
    'a price cursor whose priceKey has another separator': inPriceRange(`0000000300\u0002${PRODUCT_ID}`),
    'a name-order cursor used with sort PRICE_ASC': anonymous({
      query: BROWSE,
      variables: { s: 'PRICE_ASC', c: NAME_CURSOR },
    }),
    'includeArchived with sort PRICE_DESC, by staff': staffSigned({
      query: BROWSE,
      variables: { s: 'PRICE_DESC', a: true },
    }),
    'includeArchived with a search, by staff': staffSigned({
      query: BROWSE,
      variables: { f: { search: 'bird' }, a: true },
    }),
    'a category with a blank name, by staff': staffSigned({
      query: CREATE_CATEGORY,
      variables: { input: { slug: 'blank', name: '   ' } },
    }),
    'a category slug of capitals and spaces, by staff': staffSigned({
      query: CREATE_CATEGORY,
      variables: { input: { slug: 'Garden Tools', name: 'Garden Tools' } },
    }),
    'a 60 KB category name, by staff': staffSigned({
      query: CREATE_CATEGORY,
      variables: { input: { slug: 'huge', name: HUGE } },
    }),
    'a reorder naming an unknown category, by staff': staffSigned({
      query: REORDER_CATEGORIES,
      variables: { s: ['no-such-shelf'] },
    }),
    'a product in an unknown category, by staff': newProduct(['no-such-shelf']),
    'a product in 6 unknown categories, by staff': newProduct(['a', 'b', 'c', 'd', 'e', 'f']),
  }),
  ...answered(200, null, {
    // What the forged price cursors above differ from: the same cursor, well formed and in range.
    'a well-formed price cursor within the price range': inPriceRange(`0000000300\u0001${PRODUCT_ID}`),
  }),
  ...answered(400, 'BAD_USER_INPUT', {
    'a minPrice beyond 32 bits': filtered({ minPrice: 2147483648 }),
    'a fractional maxPrice': filtered({ maxPrice: 9.99 }),
    'a sort that does not exist': anonymous({ query: BROWSE, variables: { s: 'RANDOM' } }),
    'a filter field that does not exist': filtered({ where: 'price > 0' }),
  }),
  ...answered(200, 'NOT_FOUND', {
    'a rename of a category no slug names, by staff': staffSigned({
      query: RENAME_CATEGORY,
      variables: { s: 'no-such-shelf', n: 'Renamed' },
    }),
    'a deletion of a category no slug names, by staff': staffSigned({
      query: DELETE_CATEGORY,
      variables: { s: 'no-such-shelf' },
    }),
  }),
  ...answered(200, 'FORBIDDEN', {
    'a shopper creating a category': signed({
      query: CREATE_CATEGORY,
      variables: { input: { slug: 'mine', name: 'Mine' } },
    }),
    'a shopper renaming a category': signed({
      query: RENAME_CATEGORY,
      variables: { s: 'garden', n: 'Mine' },
    }),
    'a shopper reordering categories': signed({ query: REORDER_CATEGORIES, variables: { s: [] } }),
    'a shopper deleting a category': signed({ query: DELETE_CATEGORY, variables: { s: 'garden' } }),
    'a shopper browsing with includeArchived and a sort': signed({
      query: BROWSE,
      variables: { s: 'NAME', a: true },
    }),
  }),
  ...answered(200, 'UNAUTHENTICATED', {
    'an anonymous category creation': anonymous({
      query: CREATE_CATEGORY,
      variables: { input: { name: 'Anonymous' } },
    }),
    'an anonymous category rename': anonymous({ query: RENAME_CATEGORY, variables: { s: 'garden', n: 'X' } }),
    'an anonymous category reorder': anonymous({ query: REORDER_CATEGORIES, variables: { s: ['garden'] } }),
    'an anonymous category deletion': anonymous({ query: DELETE_CATEGORY, variables: { s: 'garden' } }),
  }),
];
