import {
  CatalogueFileError,
  changesOf,
  creationOf,
  parseCatalogueFile,
  type ImportProduct,
  type StoredProduct,
} from '../../../local/catalogueFile';

const file = (products: unknown[]) => JSON.stringify({ products });

const STORED: StoredProduct = {
  id: 'linen-tea-towel',
  name: 'Linen Tea Towel',
  description: 'Stonewashed linen.',
  image: '/images/towel.jpg',
  code: 'LT-101',
  price: 1250,
  stock: 57,
  archived: false,
};

/** The file's product that matches STORED exactly; `fields` override it. */
function wanted(fields: Partial<ImportProduct> = {}): ImportProduct {
  const { stock: _stock, archived: _archived, ...compared } = STORED;
  return { ...compared, stock: 60, ...fields };
}

describe('parseCatalogueFile', () => {
  test('reads each product by its 1-based position, optional fields as null', () => {
    const entries = parseCatalogueFile(
      file([
        { id: 'a', name: 'A', code: 'A-1', price: 100 },
        { id: 'b', name: 'B', description: 'Bee', image: null, code: 'B-1', price: 0, stock: 3 },
      ]),
    );

    expect(entries).toEqual([
      {
        position: 1,
        id: 'a',
        product: { id: 'a', name: 'A', description: null, image: null, code: 'A-1', price: 100, stock: null },
      },
      {
        position: 2,
        id: 'b',
        product: { id: 'b', name: 'B', description: 'Bee', image: null, code: 'B-1', price: 0, stock: 3 },
      },
    ]);
  });

  test('reads a file saved with a byte order mark', () => {
    expect(parseCatalogueFile(`\uFEFF${file([])}`)).toEqual([]);
  });

  test.each([
    ['not JSON', 'id,name\n', /not JSON/],
    ['a JSON list', '[]', /"products" list/],
    ['products that is not a list', '{ "products": {} }', /"products" list/],
    ['another key', '{ "products": [], "product": [] }', /keys other than "products": "product"/],
  ])('refuses a whole file of %s', (_what, text, message) => {
    expect(() => parseCatalogueFile(text)).toThrow(CatalogueFileError);
    expect(() => parseCatalogueFile(text)).toThrow(message);
  });

  test.each([
    ['a string', 'lamp', 'not an object: { "id", "name", "code", "price", … }'],
    ['no id', { name: 'A', code: 'A', price: 1 }, 'id is required (the import finds products by id)'],
    ['a numeric id', { id: 7, name: 'A', code: 'A', price: 1 }, 'id must be a string'],
    ['no name', { id: 'a', code: 'A', price: 1 }, 'name is required'],
    ['a null code', { id: 'a', name: 'A', code: null, price: 1 }, 'code is required'],
    [
      'a price as text',
      { id: 'a', name: 'A', code: 'A', price: '12.50' },
      'price must be a whole number of cents (1999 for 19.99)',
    ],
    [
      'a fractional price',
      { id: 'a', name: 'A', code: 'A', price: 12.5 },
      'price must be a whole number of cents (1999 for 19.99)',
    ],
    [
      'a fractional stock',
      { id: 'a', name: 'A', code: 'A', price: 1, stock: 1.5 },
      'stock must be a whole number',
    ],
    [
      'a numeric description',
      { id: 'a', name: 'A', code: 'A', price: 1, description: 5 },
      'description must be a string',
    ],
    [
      'an unknown field',
      { id: 'a', name: 'A', code: 'A', price: 1, archived: true },
      'unknown field "archived"',
    ],
    [
      'a key of Object.prototype',
      { id: 'a', name: 'A', code: 'A', price: 1, toString: 'x' },
      'unknown field "toString"',
    ],
    [
      'every problem',
      { id: 'a', prices: 1 },
      'unknown field "prices"; name is required; code is required; price is required',
    ],
  ])('reports an entry with %s by its position, with the reason', (_what, entry, error) => {
    const [, second] = parseCatalogueFile(file([{ id: 'ok', name: 'Ok', code: 'OK', price: 1 }, entry]));

    const id: unknown = typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    expect(second).toEqual(typeof id === 'string' ? { position: 2, id, error } : { position: 2, error });
  });

  test('leaves the store’s own rules (ranges, lengths, id format, blank names) to the API', () => {
    const entries = parseCatalogueFile(
      file([{ id: 'Not A Slug', name: ' ', code: 'X', price: -5, stock: -1 }]),
    );

    expect(entries[0]).toHaveProperty('product');
  });

  test('refuses an id listed twice at its second position, keeping the first', () => {
    const entries = parseCatalogueFile(
      file([
        { id: 'a', name: 'A', code: 'A', price: 1 },
        { id: 'a', name: 'Again', code: 'A', price: 2 },
      ]),
    );

    expect(entries[0]).toHaveProperty('product.name', 'A');
    expect(entries[1]).toEqual({
      position: 2,
      id: 'a',
      error: "the id is already #1's: list each product once",
    });
  });
});

describe('changesOf', () => {
  test('is empty when every compared field matches, whatever the stock and archived', () => {
    expect(changesOf({ ...STORED, archived: true }, wanted({ stock: 0 }))).toEqual({});
  });

  test('compares text as the store keeps it: trimmed, a blank description or image as none', () => {
    const stored = { ...STORED, description: null, image: null };

    expect(
      changesOf(stored, wanted({ name: '  Linen Tea Towel ', description: ' ', image: '', code: 'LT-101 ' })),
    ).toEqual({});
  });

  test('holds only the fields that differ, with their new values', () => {
    expect(changesOf(STORED, wanted({ name: 'Tea Towel', price: 1300 }))).toEqual({
      name: 'Tea Towel',
      price: 1300,
    });
  });

  test('clears a description or image the file leaves out (the file is the truth)', () => {
    expect(changesOf(STORED, wanted({ description: null, image: null }))).toEqual({
      description: null,
      image: null,
    });
  });

  test('sends a name the file blanks as blank, for the API to refuse', () => {
    expect(changesOf(STORED, wanted({ name: '   ' }))).toEqual({ name: '' });
  });
});

describe('creationOf', () => {
  test('sends every field, stock 0 when the file gives none, no empty description or image', () => {
    expect(creationOf(wanted({ description: ' ', image: null, stock: null }))).toEqual({
      id: STORED.id,
      name: STORED.name,
      code: STORED.code,
      price: STORED.price,
      stock: 0,
    });
  });

  test('sends the stock the file gives a new product', () => {
    expect(creationOf(wanted({ stock: 60 }))).toMatchObject({
      stock: 60,
      description: STORED.description,
      image: STORED.image,
    });
  });
});
