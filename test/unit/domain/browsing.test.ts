import { productQuery, type ProductFilterInput } from '../../../src/domain/browsing';
import { StoreError } from '../../../src/shared/errors';

/**
 * The rules of a shopper's filter (docs/browsing.md, "Rules"): the search words kept, the bounds on
 * words and prices, each refusal a BAD_USER_INPUT naming its field.
 */

function refusalOf(filter: ProductFilterInput): { code: string; field: unknown } | null {
  try {
    productQuery('NAME', filter);
    return null;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return { code: error.code, field: error.details.field };
  }
}

describe('productQuery search words', () => {
  test.each([
    { search: 'bird bi', words: ['bird'] },
    { search: 'bi bird', words: ['bird'] },
    { search: 'b bi bir bird', words: ['bird'] },
    { search: 'bird Bird BIRD', words: ['bird'] },
    { search: 'bird lone bird', words: ['bird', 'lone'] },
    { search: 'lone bird', words: ['lone', 'bird'] },
    { search: 'Éclair  ECLAIR, éclairs', words: ['eclairs'] },
    { search: 'lamp 2 go', words: ['lamp', '2', 'go'] },
  ])(
    '"$search" keeps $words: a word another word of the search starts with is implied',
    ({ search, words }) => {
      // Act
      const query = productQuery('NAME', { search });

      // Assess
      expect(query.words).toEqual(words);
    },
  );

  test('no word kept is a prefix of another, and none repeats', () => {
    // Act
    const { words = [] } = productQuery('PRICE_ASC', { search: 'ca cats c dog do' });

    // Assess
    expect(words).toEqual(['cats', 'dog']);
    for (const word of words) {
      expect(words.filter((other) => other.startsWith(word))).toEqual([word]);
    }
  });

  test.each([
    { label: '1 word', search: 'bird' },
    { label: '5 words', search: 'one two three four five' },
    { label: 'a word of 30 letters', search: 'b'.repeat(30) },
    { label: 'a word of 30 letters that folds from accented ones', search: 'é'.repeat(30) },
    { label: '5 words among punctuation', search: '--one, two! (three) four/five--' },
  ])('$label is a search', ({ search }) => {
    // Act
    const query = productQuery('NEWEST', { search });

    // Assess
    expect(query.words?.length).toBeGreaterThan(0);
  });

  test.each([
    { label: '6 words', search: 'one two three four five six' },
    { label: '6 words, some of them implied by others', search: 'b bi bir bird birds birdy' },
    { label: 'a word of 31 letters', search: 'b'.repeat(31) },
    { label: 'an empty search', search: '' },
    { label: 'a blank search', search: ' \t ' },
    { label: 'punctuation only', search: '!?-/*%' },
  ])('$label is BAD_USER_INPUT on filter.search', ({ search }) => {
    // Act
    const refusal = refusalOf({ search });

    // Assess
    expect(refusal).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });
});

describe('productQuery prices', () => {
  test('minPrice above maxPrice is BAD_USER_INPUT on filter.minPrice', () => {
    // Act
    const refusal = refusalOf({ minPrice: 3000, maxPrice: 2999 });

    // Assess
    expect(refusal).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.minPrice' });
  });

  test('minPrice equal to maxPrice is one price', () => {
    // Act
    const query = productQuery('PRICE_ASC', { minPrice: 2999, maxPrice: 2999 });

    // Assess
    expect(query).toEqual({ sort: 'PRICE_ASC', minPrice: 2999, maxPrice: 2999 });
  });

  test.each([
    { label: 'a negative minPrice', filter: { minPrice: -1 }, field: 'filter.minPrice' },
    { label: 'a fractional maxPrice', filter: { maxPrice: 9.99 }, field: 'filter.maxPrice' },
  ])('$label is BAD_USER_INPUT on its field', ({ filter, field }) => {
    // Act
    const refusal = refusalOf(filter);

    // Assess
    expect(refusal).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  test('null fields are absent ones', () => {
    // Act
    const query = productQuery('NAME', {
      category: null,
      search: null,
      minPrice: null,
      maxPrice: null,
      inStock: null,
    });

    // Assess
    expect(query).toEqual({ sort: 'NAME' });
  });
});
