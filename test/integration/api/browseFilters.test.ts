import { buildCatalogue, LONG_WORD, type CatalogueProduct } from '../../support/browseCatalogue';
import { expectedIds, expectedShape } from '../../support/browseExpected';
import { browse, refusal, SORTS, walkProducts, type ProductFilter } from '../../support/browseQueries';
import { staffMember, useTestApp } from '../../support/fixtures';

/**
 * Narrowing the catalogue: by category, by words of the name, by price, by stock, and by several
 * at once, in every sort, page after page, against the same listing computed in memory from the
 * 130 products created through the staff API.
 */
const app = useTestApp();
const FIRST = 7;
let products: Map<string, CatalogueProduct>;

beforeAll(async () => {
  products = await buildCatalogue(app, staffMember(app).token);
}, 180_000);

const FILTERS: Array<{ label: string; filter: ProductFilter }> = [
  { label: 'category garden', filter: { category: 'garden' } },
  { label: 'category toys', filter: { category: 'toys' } },
  { label: 'a category of only archived products', filter: { category: 'attic' } },
  { label: 'an empty category', filter: { category: 'empty-shelf' } },
  { label: 'search "bir" (a word prefix)', filter: { search: 'bir' } },
  { label: 'search "lone bi" (both words needed)', filter: { search: 'lone bi' } },
  { label: 'search "bird LONELY" (any word order, any case)', filter: { search: 'bird LONELY' } },
  { label: 'search "lonely-bi" (punctuation separates words)', filter: { search: '  lonely-bi!' } },
  { label: 'search "ebe" (finds Ébène)', filter: { search: 'ebe' } },
  { label: 'search "ÉCLAIR" (accents and case folded)', filter: { search: 'ÉCLAIR' } },
  { label: 'search "crème br"', filter: { search: 'crème br' } },
  { label: 'search "Ø" (a letter beyond z)', filter: { search: 'Ø' } },
  { label: 'search "fi" (finds the ﬁ ligature)', filter: { search: 'fi' } },
  { label: 'search "2000" (digits)', filter: { search: '2000' } },
  { label: 'search "lamp 2"', filter: { search: 'lamp 2' } },
  { label: 'search "a" (one letter)', filter: { search: 'a' } },
  { label: 'search "b" (one letter, many pages)', filter: { search: 'b' } },
  { label: 'search of 5 words', filter: { search: 'lonely bird l b bi' } },
  { label: 'search of a 30-letter word prefix', filter: { search: LONG_WORD.slice(0, 30) } },
  { label: 'search matching nothing', filter: { search: 'zzz' } },
  { label: 'search that is no word prefix, only inside one', filter: { search: 'ird' } },
  { label: 'search of two words run together', filter: { search: 'lonelybird' } },
  { label: 'minPrice 999', filter: { minPrice: 999 } },
  { label: 'maxPrice 999', filter: { maxPrice: 999 } },
  { label: 'minPrice = maxPrice = 999 (inclusive)', filter: { minPrice: 999, maxPrice: 999 } },
  { label: 'price 0 only', filter: { minPrice: 0, maxPrice: 0 } },
  { label: 'minPrice 2147483647', filter: { minPrice: 2147483647 } },
  { label: 'price 1000..5000', filter: { minPrice: 1000, maxPrice: 5000 } },
  { label: 'a price range holding no price', filter: { minPrice: 5000, maxPrice: 11999 } },
  { label: 'inStock true', filter: { inStock: true } },
  { label: 'inStock false', filter: { inStock: false } },
  { label: 'category and search', filter: { category: 'garden', search: 'lamp' } },
  { label: 'category and price range', filter: { category: 'kitchen', minPrice: 999, maxPrice: 4999 } },
  { label: 'search and out of stock', filter: { search: 'b', inStock: false } },
  { label: 'category, in stock and minPrice', filter: { category: 'garden', inStock: true, minPrice: 500 } },
  {
    label: 'all five fields',
    filter: { category: 'garden', search: 'b', minPrice: 1, maxPrice: 4999, inStock: true },
  },
];

const CASES = FILTERS.flatMap(({ label, filter }) => SORTS.map((sort) => ({ label, filter, sort })));

describe('a filter, walked to the end in pages of 7', () => {
  test.each(CASES)(
    '$label in sort $sort lists exactly the matching live products',
    async ({ filter, sort }) => {
      // Act
      const walked = await walkProducts(app, { first: FIRST, sort, filter });

      // Assess
      const expected = expectedIds(products.values(), sort, filter);
      expect(walked.ids).toEqual(expected);
      expect(walked.shape).toEqual(expectedShape(expected.length, FIRST));
      expect(walked.badEndCursors).toBe(0);
    },
  );
});

describe('the catalogue is built so the filters above are meaningful', () => {
  test('broad filters span several pages and narrow ones find a few products', () => {
    // Assess
    const count = (filter: ProductFilter) => expectedIds(products.values(), 'NAME', filter).length;
    expect(count({ search: 'b' })).toBeGreaterThan(3 * FIRST);
    expect(count({ category: 'garden' })).toBeGreaterThan(3 * FIRST);
    expect(count({ inStock: false })).toBeGreaterThan(2 * FIRST);
    expect(count({ minPrice: 999, maxPrice: 999 })).toBeGreaterThan(2 * FIRST);
    expect(count({ search: 'ebe' })).toBe(1);
    expect(count({ search: 'eclair' })).toBe(4);
    expect(count({ search: 'lone bi' })).toBeGreaterThan(1);
    expect(count({ search: 'ird' })).toBe(0);
    expect(count({ category: 'attic' })).toBe(0);
    expect(count({ search: LONG_WORD.slice(0, 30) })).toBe(1);
  });
});

describe('a filter the API refuses', () => {
  test.each<{ label: string; filter: ProductFilter }>([
    { label: 'a blank search', filter: { search: '   ' } },
    { label: 'an empty search', filter: { search: '' } },
    { label: 'a search of punctuation only', filter: { search: '?!-.' } },
    { label: 'a search of 6 words', filter: { search: 'a b c d e f' } },
    { label: 'a search word of 31 letters', filter: { search: LONG_WORD.slice(0, 31) } },
    { label: 'a negative minPrice', filter: { minPrice: -1 } },
    { label: 'a negative maxPrice', filter: { maxPrice: -1 } },
    { label: 'minPrice over maxPrice', filter: { minPrice: 1000, maxPrice: 999 } },
    { label: 'a category that is not a slug', filter: { category: 'Not A Slug!' } },
  ])('$label is BAD_USER_INPUT in every sort', async ({ filter }) => {
    // Act
    const responses = await Promise.all(SORTS.map((sort) => browse(app, { first: 5, sort, filter })));

    // Assess
    expect(responses.map(refusal)).toEqual(SORTS.map(() => ({ codes: ['BAD_USER_INPUT'], data: null })));
  });

  test('a minPrice beyond GraphQL Int is refused as a bad variable', async () => {
    // Act
    const response = await browse(app, { first: 5, filter: { minPrice: 2147483648 } });

    // Assess
    expect(response.status).toBe(400);
    expect(refusal(response).codes).toEqual(['BAD_USER_INPUT']);
  });
});
