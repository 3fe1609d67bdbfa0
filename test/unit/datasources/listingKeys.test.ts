import {
  MAX_SEARCH_PREFIXES,
  nameSortKey,
  priceBound,
  priceSortKey,
  searchableWordsOf,
  searchPrefixesOf,
  searchTextOf,
  SORT_KEY_SEPARATOR,
} from '../../../src/datasources/listingKeys';

/**
 * The sort keys and search words of the listing table (docs/browsing.md, "Tables and indexes"):
 * keys that order as DynamoDB compares them (UTF-8 bytes) and fit its 1024-byte sort keys, and
 * search words that every part of a search agrees on.
 */

/** Twelve words of three distinct prefixes each: only the first ten fit in 30 prefixes. */
const TWELVE_WORDS = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima';
const FIRST_TEN = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
];

/** DynamoDB's order of strings: their UTF-8 bytes. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

describe('searchableWordsOf', () => {
  test('keeps the first words whose prefixes fit in 30, and no word after them', () => {
    // Act
    const words = searchableWordsOf(TWELVE_WORDS);

    // Assess
    expect(words).toEqual(FIRST_TEN);
  });

  test('counts a prefix the words share once', () => {
    // Prepare: 11 words, but "bird", "birch" and "bin" share "b" and "bi".
    const name = 'Bird Birch Bin Alpha Charlie Delta Echo Foxtrot Golf Hotel India';

    // Act
    const words = searchableWordsOf(name);

    // Assess: b bi bir bin + 8 × 3 = 28 prefixes.
    expect(words).toEqual([
      'bird',
      'birch',
      'bin',
      'alpha',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
      'golf',
      'hotel',
      'india',
    ]);
  });

  test('folds case and accents and splits on anything but letters and digits', () => {
    // Act
    const words = searchableWordsOf('Crème-Brûlée MUG (2000)');

    // Assess
    expect(words).toEqual(['creme', 'brulee', 'mug', '2000']);
  });

  test('of a name with no letter or digit is none', () => {
    // Act
    const words = searchableWordsOf('--- !!! ---');

    // Assess
    expect(words).toEqual([]);
  });
});

describe('searchPrefixesOf', () => {
  test('is the 1- to 3-character prefixes of the searchable words, without repeats', () => {
    // Act
    const prefixes = searchPrefixesOf('Lonely Bird lo');

    // Assess
    expect(prefixes).toEqual(['l', 'lo', 'lon', 'b', 'bi', 'bir']);
  });

  test('holds at most 30 prefixes, all of the searchable words, none of a later word', () => {
    // Act
    const prefixes = searchPrefixesOf(TWELVE_WORDS);

    // Assess
    expect(prefixes).toHaveLength(MAX_SEARCH_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(prefixes).toEqual(
      FIRST_TEN.flatMap((word) => [word.slice(0, 1), word.slice(0, 2), word.slice(0, 3)]),
    );
    expect(prefixes).not.toContain('k');
    expect(prefixes).not.toContain('kil');
    expect(prefixes).not.toContain('lim');
  });

  test('counts characters, not UTF-16 units: letters beyond U+FFFF make prefixes of whole letters', () => {
    // Act: Deseret letters are each a surrogate pair.
    const prefixes = searchPrefixesOf('\u{10428}\u{10429}\u{1042A}\u{1042B} x');

    // Assess
    expect(prefixes).toEqual(['\u{10428}', '\u{10428}\u{10429}', '\u{10428}\u{10429}\u{1042A}', 'x']);
  });

  test('of a long name of many distinct words never exceeds 30', () => {
    // Prepare
    const name = Array.from({ length: 60 }, (_, index) => `w${index.toString(36)}z${index}`).join(' ');

    // Act
    const prefixes = searchPrefixesOf(name);

    // Assess
    expect(prefixes.length).toBeLessThanOrEqual(MAX_SEARCH_PREFIXES);
  });
});

describe('searchTextOf', () => {
  test('holds exactly the searchable words, each after a space', () => {
    // Act
    const text = searchTextOf(TWELVE_WORDS);

    // Assess
    expect(text).toBe(FIRST_TEN.map((word) => ` ${word}`).join(''));
    expect(text).not.toContain(' kilo');
    expect(text).not.toContain(' lima');
  });

  test('agrees with the prefixes: every word it holds has its prefixes indexed', () => {
    // Prepare
    const names = [
      TWELVE_WORDS,
      'Bird Birch Bin Alpha Charlie Delta Echo Foxtrot Golf Hotel India Juliet',
      'Lonely Bird',
    ];

    for (const name of names) {
      // Act
      const words = searchTextOf(name).split(' ').filter(Boolean);
      const prefixes = new Set(searchPrefixesOf(name));

      // Assess
      for (const word of words) expect(prefixes.has([...word].slice(0, 3).join(''))).toBe(true);
      expect(words).toEqual(searchableWordsOf(name));
    }
  });

  test('lets a word prefix be tested with contains(" " + prefix)', () => {
    // Act
    const text = searchTextOf('Lonely Bird');

    // Assess
    expect(text).toBe(' lonely bird');
    expect(text.includes(' bi')).toBe(true);
    expect(text.includes(' ird')).toBe(false);
  });
});

describe('nameSortKey', () => {
  const ID = `p${'x'.repeat(99)}`;

  test('is the folded name, the separator and the id', () => {
    // Act
    const key = nameSortKey('Éclair Tin', 'eclair-1');

    // Assess
    expect(key).toBe(`eclair tin${SORT_KEY_SEPARATOR}eclair-1`);
  });

  test.each([
    { label: 'ASCII letters', name: 'a'.repeat(2000) },
    { label: 'three-byte characters', name: '株'.repeat(1000) },
    { label: 'a ligature that folds four times longer', name: '㍿'.repeat(200) },
    { label: 'four-byte characters (surrogate pairs)', name: '😀'.repeat(500) },
    { label: 'accents that fold away', name: 'é'.repeat(2000) },
  ])('of a name of $label with a 100-character id fits in 1024 bytes and ends with the id', ({ name }) => {
    // Act
    const key = nameSortKey(name, ID);

    // Assess
    expect(ID).toHaveLength(100);
    expect(Buffer.byteLength(key)).toBeLessThanOrEqual(1024);
    expect(key.endsWith(`${SORT_KEY_SEPARATOR}${ID}`)).toBe(true);
    // Cut on a character boundary: no lone surrogate, so UTF-8 round-trips it unchanged.
    expect(Buffer.from(key, 'utf8').toString('utf8')).toBe(key);
    const kept = key.slice(0, -(ID.length + 1));
    const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    expect(kept.length).toBeGreaterThan(0);
    expect(folded.startsWith(kept)).toBe(true);
    // As much of the name as fits: its next character would not.
    const next = [...folded][[...kept].length] ?? '';
    expect(Buffer.byteLength(key) + Buffer.byteLength(next)).toBeGreaterThan(1024);
  });

  test('orders names before ids: "ab" and any id before "ab c"', () => {
    // Act
    const keys = [nameSortKey('ab c', 'a'), nameSortKey('ab', 'zzz'), nameSortKey('Ab', 'b')];

    // Assess
    expect([...keys].sort(byBytes)).toEqual([
      nameSortKey('ab', 'b'),
      nameSortKey('ab', 'zzz'),
      nameSortKey('ab c', 'a'),
    ]);
  });
});

describe('priceSortKey', () => {
  test('is the price in ten digits, the separator and the id', () => {
    // Act
    const keys = [priceSortKey(0, 'a'), priceSortKey(2999, 'lonely-bird'), priceSortKey(2147483647, 'z')];

    // Assess
    expect(keys).toEqual([
      `0000000000${SORT_KEY_SEPARATOR}a`,
      `0000002999${SORT_KEY_SEPARATOR}lonely-bird`,
      `2147483647${SORT_KEY_SEPARATOR}z`,
    ]);
  });

  test('orders by price as numbers, then by id', () => {
    // Prepare
    const pairs: Array<[number, string]> = [
      [1000, 'a'],
      [999, 'z'],
      [999, 'b'],
      [2147483647, 'a'],
      [0, 'zz'],
      [10, 'a'],
    ];

    // Act
    const sorted = pairs.map(([price, id]) => priceSortKey(price, id)).sort(byBytes);

    // Assess
    expect(sorted).toEqual(
      [
        [0, 'zz'],
        [10, 'a'],
        [999, 'b'],
        [999, 'z'],
        [1000, 'a'],
        [2147483647, 'a'],
      ].map(([price, id]) => priceSortKey(price as number, id as string)),
    );
  });

  test('lies between priceBound(price) and priceBound(price) + "\\uffff" in UTF-8 order', () => {
    // Prepare
    const key = priceSortKey(500, 'id-with-ü-and-😀');

    // Assess
    expect(byBytes(priceBound(500), key)).toBeLessThan(0);
    expect(byBytes(key, `${priceBound(500)}\uffff`)).toBeLessThan(0);
    expect(byBytes(key, priceBound(501))).toBeLessThan(0);
  });
});
