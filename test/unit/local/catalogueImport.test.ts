import { parseCatalogueFile, type StoredProduct } from '../../../local/catalogueFile';
import { exitCodeOf, importCatalogue, summaryLine, type CatalogueApi } from '../../../local/catalogueImport';
import { ApiError, StopError } from '../../../local/staffApi';
import { fakeApi } from './fakeCatalogueApi';

/**
 * The upsert loop over a plain fake of the staff API (the e2e suite runs it against the real
 * handler): what it reports, and how it ends when the API stops answering part-way.
 */
const STORED: StoredProduct = {
  id: 'mug',
  name: 'Mug',
  description: null,
  image: null,
  code: 'M-1',
  price: 900,
  stock: 4,
  archived: false,
  categories: [],
};

async function importFile(api: CatalogueApi, file: { categories?: object[]; products: object[] }) {
  const lines: string[] = [];
  const summary = await importCatalogue(api, parseCatalogueFile(JSON.stringify(file)), (line) =>
    lines.push(line),
  );
  return { lines, summary };
}
const run = (api: CatalogueApi, ...products: object[]) => importFile(api, { products });

describe('importCatalogue', () => {
  test('creates the absent, updates the changed (never the stock), and leaves the rest', async () => {
    const { api, calls } = fakeApi([STORED, { ...STORED, id: 'cup', archived: true }]);

    const { lines, summary } = await run(
      api,
      { id: 'plate', name: 'Plate', code: 'P-1', price: 1200 },
      { id: 'mug', name: 'Mug', code: 'M-1', price: 950, stock: 99 },
      { id: 'cup', name: 'Mug', code: 'M-1', price: 900 },
    );

    expect(lines).toEqual(['+ created plate', '~ updated mug (price)', '= unchanged cup [archived]']);
    expect(summary).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 0,
      total: 3,
      failedCategories: 0,
    });
    expect(calls).toEqual([
      'checkStaff',
      'product plate',
      'create plate {"id":"plate","name":"Plate","code":"P-1","price":1200,"stock":0}',
      'product mug',
      'update mug {"price":950}',
      'product cup',
    ]);
  });

  test('reports a product the API refuses with its code, message and field, and goes on', async () => {
    const { api } = fakeApi([], (id) =>
      id === 'taken' ? new ApiError('CONFLICT', 'A product with id "taken" already exists', 'id') : undefined,
    );

    const { lines, summary } = await run(
      api,
      { id: 'taken', name: 'T', code: 'T', price: 1 },
      { id: 'free', name: 'F', code: 'F', price: 1 },
    );

    expect(lines).toEqual([
      '! #1 taken: CONFLICT: A product with id "taken" already exists (field id)',
      '+ created free',
    ]);
    expect(exitCodeOf(summary)).toBe(1);
  });

  test('stops at the product where the API stopped answering, trying no more', async () => {
    const { api, calls } = fakeApi([], (id) =>
      id === 'second' ? new StopError('cannot reach http://localhost:4000/query: ECONNREFUSED') : undefined,
    );

    const { lines, summary } = await run(
      api,
      { id: 'first', name: 'F', code: 'F', price: 1 },
      { id: 'second', name: 'S', code: 'S', price: 1 },
      { id: 'third', name: 'T', code: 'T', price: 1 },
    );

    expect(lines).toEqual(['+ created first']);
    expect(summaryLine(summary)).toBe('1 created, 0 updated, 0 unchanged, 0 failed; stopped at #2 of 3');
    expect(summary.stopped?.reason).toBe('cannot reach http://localhost:4000/query: ECONNREFUSED');
    expect(calls).not.toContain('product third');
    expect(exitCodeOf(summary)).toBe(3);
  });

  test('sends nothing for the products when the staff check stops it', async () => {
    const { api, calls } = fakeApi([]);
    api.checkStaff = () => Promise.reject(new StopError('the token is not a staff token (FORBIDDEN)'));

    const { lines, summary } = await run(api, { id: 'a', name: 'A', code: 'A', price: 1 });

    expect(lines).toEqual([]);
    expect(calls).toEqual([]);
    expect(summaryLine(summary)).toBe(
      '0 created, 0 updated, 0 unchanged, 0 failed; stopped before the first product',
    );
  });
});

describe('importCatalogue with categories', () => {
  const GIFTS = { slug: 'gifts', name: 'Gifts' };

  test('makes the store’s categories match the file before the products, which may name them', async () => {
    const { api, calls } = fakeApi([{ ...STORED, categories: ['home'] }], undefined, [
      { slug: 'home', name: 'Home' },
      GIFTS,
    ]);

    const { lines, summary } = await importFile(api, {
      categories: [
        { slug: 'garden', name: 'Garden' },
        { slug: 'home', name: 'Home & Living' },
      ],
      products: [
        { id: 'plate', name: 'Plate', code: 'P-1', price: 1200, categories: ['garden', 'home'] },
        { id: 'mug', name: 'Mug', code: 'M-1', price: 900, categories: ['home'] },
      ],
    });

    expect(lines).toEqual([
      '+ created category garden',
      '~ renamed category home ("Home" → "Home & Living")',
      '~ reordered categories',
      '+ created plate',
      '= unchanged mug',
    ]);
    expect(calls).toEqual([
      'checkStaff',
      'categories',
      'createCategory garden',
      'renameCategory home Home & Living',
      'categories',
      'reorderCategories garden home gifts',
      'product plate',
      'create plate {"id":"plate","name":"Plate","code":"P-1","price":1200,"stock":0,"categories":["garden","home"]}',
      'product mug',
    ]);
    expect(summaryLine(summary)).toBe('2 created, 2 updated, 1 unchanged, 0 failed');
  });

  test('a file whose categories and products are in the store already changes nothing and says so', async () => {
    const { api, calls } = fakeApi([{ ...STORED, categories: ['home', 'gifts'] }], undefined, [
      { slug: 'home', name: 'Home' },
      GIFTS,
      { slug: 'garden', name: 'Garden' },
    ]);

    const { lines, summary } = await importFile(api, {
      categories: [{ slug: 'home', name: ' Home ' }, GIFTS],
      products: [{ id: 'mug', name: 'Mug', code: 'M-1', price: 900, categories: ['gifts', 'home'] }],
    });

    expect(lines).toEqual(['= unchanged category home', '= unchanged category gifts', '= unchanged mug']);
    expect(calls).toEqual(['checkStaff', 'categories', 'product mug']);
    expect(summaryLine(summary)).toBe('0 created, 0 updated, 3 unchanged, 0 failed: nothing to change');
  });

  test('reports a category the file or the API refuses, and the others and the products still go in', async () => {
    const { api, calls } = fakeApi([], (slug) =>
      slug === 'full' ? new ApiError('BAD_USER_INPUT', 'At most 50 categories') : undefined,
    );

    const { lines, summary } = await importFile(api, {
      categories: [{ slug: 'full', name: 'Full' }, { slug: 'nameless' }, { slug: 'garden', name: 'Garden' }],
      products: [{ id: 'plate', name: 'Plate', code: 'P-1', price: 1200, categories: ['garden'] }],
    });

    expect(lines).toEqual([
      '! category #1 full: At most 50 categories',
      '! category #2 nameless: name is required',
      '+ created category garden',
      '+ created plate',
    ]);
    expect(calls).not.toContain('createCategory nameless');
    expect(summaryLine(summary)).toBe(
      '2 created, 0 updated, 0 unchanged, 2 failed: fix the categories and products marked ! and run it again',
    );
    expect(exitCodeOf(summary)).toBe(1);
  });

  test('stops at the category where the API stopped answering, sending no product', async () => {
    const { api, calls } = fakeApi([], (slug) =>
      slug === 'second' ? new StopError('cannot reach http://localhost:4000/query: ECONNREFUSED') : undefined,
    );

    const { lines, summary } = await importFile(api, {
      categories: [
        { slug: 'first', name: 'First' },
        { slug: 'second', name: 'Second' },
      ],
      products: [{ id: 'plate', name: 'Plate', code: 'P-1', price: 1200 }],
    });

    expect(lines).toEqual(['+ created category first']);
    expect(summaryLine(summary)).toBe(
      '1 created, 0 updated, 0 unchanged, 0 failed; stopped at category #2 of 2',
    );
    expect(calls).not.toContain('product plate');
    expect(exitCodeOf(summary)).toBe(3);
  });

  test('a refused staff check stops it before the first category', async () => {
    const { api, calls } = fakeApi([]);
    api.checkStaff = () => Promise.reject(new StopError('the token is not a staff token (FORBIDDEN)'));

    const { summary } = await importFile(api, { categories: [GIFTS], products: [] });

    expect(calls).toEqual([]);
    expect(summaryLine(summary)).toBe(
      '0 created, 0 updated, 0 unchanged, 0 failed; stopped before the first category',
    );
  });

  test('a file without categories neither reads nor reorders the store’s', async () => {
    const { api, calls } = fakeApi([{ ...STORED, categories: ['home'] }], undefined, [GIFTS]);

    const { lines } = await run(api, { id: 'mug', name: 'Mug', code: 'M-1', price: 900 });

    expect(lines).toEqual(['= unchanged mug']);
    expect(calls).toEqual(['checkStaff', 'product mug']);
  });
});

describe('summaryLine', () => {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, total: 0, failedCategories: 0 };

  test.each([
    {
      summary: { ...counts, created: 3, updated: 1, unchanged: 10 },
      code: 0,
      line: '3 created, 1 updated, 10 unchanged, 0 failed',
    },
    {
      summary: { ...counts, unchanged: 10 },
      code: 0,
      line: '0 created, 0 updated, 10 unchanged, 0 failed: nothing to change',
    },
    { summary: counts, code: 0, line: '0 created, 0 updated, 0 unchanged, 0 failed: nothing to change' },
    {
      summary: { ...counts, created: 3, failed: 1 },
      code: 1,
      line: '3 created, 0 updated, 0 unchanged, 1 failed: fix the products marked ! and run it again',
    },
    {
      summary: { ...counts, created: 3, failed: 2, failedCategories: 1 },
      code: 1,
      line: '3 created, 0 updated, 0 unchanged, 2 failed: fix the categories and products marked ! and run it again',
    },
    {
      summary: { ...counts, created: 1, stopped: { reason: 'unreachable', at: 'at category #2 of 3' } },
      code: 3,
      line: '1 created, 0 updated, 0 unchanged, 0 failed; stopped at category #2 of 3',
    },
  ])('"$line", exit $code', ({ summary, line, code }) => {
    expect(summaryLine(summary)).toBe(line);
    expect(exitCodeOf(summary)).toBe(code);
  });
});
