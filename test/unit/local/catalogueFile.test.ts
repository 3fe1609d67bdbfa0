import { CatalogueFileError, parseCatalogueFile } from '../../../local/catalogueFile';

/** The file check: what the import refuses before sending anything, and what it leaves to the API. */

const file = (products: unknown[]) => JSON.stringify({ products });
const productsOf = (products: unknown[]) => parseCatalogueFile(file(products)).products;

describe('parseCatalogueFile', () => {
  test('reads each product by its 1-based position, optional fields as null', () => {
    const entries = productsOf([
      { id: 'a', name: 'A', code: 'A-1', price: 100 },
      {
        id: 'b',
        name: 'B',
        description: 'Bee',
        image: null,
        code: 'B-1',
        price: 0,
        stock: 3,
        categories: [],
      },
    ]);

    expect(entries).toEqual([
      {
        position: 1,
        id: 'a',
        product: {
          id: 'a',
          name: 'A',
          description: null,
          image: null,
          code: 'A-1',
          price: 100,
          stock: null,
          categories: null,
        },
      },
      {
        position: 2,
        id: 'b',
        product: {
          id: 'b',
          name: 'B',
          description: 'Bee',
          image: null,
          code: 'B-1',
          price: 0,
          stock: 3,
          categories: [],
        },
      },
    ]);
  });

  test('reads a file saved with a byte order mark', () => {
    expect(parseCatalogueFile(`\uFEFF${file([])}`)).toEqual({ categories: [], products: [] });
  });

  test.each([
    ['not JSON', 'id,name\n', /not JSON/],
    ['a JSON list', '[]', /"products" list/],
    ['products that is not a list', '{ "products": {} }', /"products" list/],
    [
      'another key',
      '{ "products": [], "product": [] }',
      /keys other than "categories" and "products": "product"/,
    ],
    [
      'categories that is not a list',
      '{ "categories": { "garden": "Garden" }, "products": [] }',
      /"categories" is not a list/,
    ],
    ['null categories', '{ "categories": null, "products": [] }', /"categories" is not a list/],
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
    [
      'categories as one slug',
      { id: 'a', name: 'A', code: 'A', price: 1, categories: 'garden' },
      'categories must be a list of category slugs, such as ["garden"]',
    ],
    [
      'categories of objects',
      { id: 'a', name: 'A', code: 'A', price: 1, categories: [{ slug: 'garden' }] },
      'categories must be a list of category slugs, such as ["garden"]',
    ],
    [
      'null categories',
      { id: 'a', name: 'A', code: 'A', price: 1, categories: null },
      'categories cannot be null: [] for none, or leave it out to keep them',
    ],
    [
      'a category named twice',
      { id: 'a', name: 'A', code: 'A', price: 1, categories: ['garden', 'home', 'garden'] },
      'categories lists "garden" twice',
    ],
  ])('reports an entry with %s by its position, with the reason', (_what, entry, error) => {
    const [, second] = productsOf([{ id: 'ok', name: 'Ok', code: 'OK', price: 1 }, entry]);

    const id: unknown = typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    expect(second).toEqual(typeof id === 'string' ? { position: 2, id, error } : { position: 2, error });
  });

  test('leaves the store’s own rules (ranges, lengths, id format, blank names) to the API', () => {
    const entries = productsOf([
      {
        id: 'Not A Slug',
        name: ' ',
        code: 'X',
        price: -5,
        stock: -1,
        categories: ['No Such', 'a', 'b', 'c', 'd', 'e'],
      },
    ]);

    expect(entries[0]).toHaveProperty('product');
  });

  test('refuses an id listed twice at its second position, keeping the first', () => {
    const entries = productsOf([
      { id: 'a', name: 'A', code: 'A', price: 1 },
      { id: 'a', name: 'Again', code: 'A', price: 2 },
    ]);

    expect(entries[0]).toHaveProperty('product.name', 'A');
    expect(entries[1]).toEqual({
      position: 2,
      id: 'a',
      error: "the id is already #1's: list each product once",
    });
  });
});

describe('parseCatalogueFile: categories', () => {
  const categoriesOf = (categories: unknown[]) =>
    parseCatalogueFile(JSON.stringify({ categories, products: [] })).categories;

  test('reads each category by its 1-based position, in the file’s order', () => {
    expect(
      categoriesOf([
        { slug: 'garden', name: 'Garden' },
        { slug: 'home', name: ' Home & Living ' },
      ]),
    ).toEqual([
      { position: 1, slug: 'garden', category: { slug: 'garden', name: 'Garden' } },
      { position: 2, slug: 'home', category: { slug: 'home', name: ' Home & Living ' } },
    ]);
  });

  test('reads a file without categories as listing none', () => {
    expect(parseCatalogueFile(file([])).categories).toEqual([]);
  });

  test.each([
    ['a string', 'garden', 'not an object: { "slug", "name" }'],
    ['no slug', { name: 'Garden' }, 'slug is required (the import finds categories by slug)'],
    ['a numeric slug', { slug: 7, name: 'Garden' }, 'slug must be a string'],
    ['no name', { slug: 'garden' }, 'name is required'],
    ['a name that is a list', { slug: 'garden', name: ['Garden'] }, 'name must be a string'],
    ['an unknown field', { slug: 'garden', name: 'Garden', position: 1 }, 'unknown field "position"'],
    [
      'every problem',
      { title: 'Garden' },
      'unknown field "title"; slug is required (the import finds categories by slug); name is required',
    ],
  ])('reports a category with %s by its position, with the reason', (_what, entry, error) => {
    const [, second] = categoriesOf([{ slug: 'ok', name: 'Ok' }, entry]);

    const slug: unknown = typeof entry === 'object' ? (entry as { slug?: unknown }).slug : undefined;
    expect(second).toEqual(typeof slug === 'string' ? { position: 2, slug, error } : { position: 2, error });
  });

  test('refuses a slug listed twice at its second position, keeping the first', () => {
    const entries = categoriesOf([
      { slug: 'garden', name: 'Garden' },
      { slug: 'garden', name: 'Yard' },
    ]);

    expect(entries[0]).toHaveProperty('category.name', 'Garden');
    expect(entries[1]).toEqual({
      position: 2,
      slug: 'garden',
      error: "the slug is already #1's: list each category once",
    });
  });

  test('leaves the store’s own rules (slug format, blank names, how many) to the API', () => {
    expect(categoriesOf([{ slug: 'Not A Slug', name: ' ' }])[0]).toHaveProperty('category');
  });
});
