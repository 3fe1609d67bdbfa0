import { parseCatalogueFile, type ImportCategory } from '../../../local/catalogueFile';
import { importCategories, orderOf, type CategoryApi, type Outcome } from '../../../local/categoryImport';
import { ApiError } from '../../../local/staffApi';

/**
 * The categories' part of an import over a plain fake of the staff API (the e2e suite runs it
 * against the real handler): what is created, renamed and reordered, and what never is.
 */
function fakeApi(stored: ImportCategory[], refuseReorder?: ApiError) {
  let categories = stored;
  const calls: string[] = [];
  const api: CategoryApi = {
    async categories() {
      calls.push('categories');
      return categories;
    },
    async createCategory(input) {
      calls.push(`create ${input.slug} ${input.name}`);
      categories = [...categories, input];
    },
    renameCategory: async (slug, name) => void calls.push(`rename ${slug} ${name}`),
    async reorderCategories(slugs) {
      calls.push(`reorder ${slugs.join(' ')}`);
      if (refuseReorder) throw refuseReorder;
    },
  };
  return { api, calls };
}

async function run(api: CategoryApi, categories: object[]) {
  const lines: Array<[Outcome, string]> = [];
  const { categories: entries } = parseCatalogueFile(JSON.stringify({ categories, products: [] }));
  const interruption = await importCategories(api, entries, (outcome, line) => lines.push([outcome, line]));
  return { lines, interruption };
}

const category = (slug: string, name = slug.toUpperCase()) => ({ slug, name });

describe('orderOf', () => {
  test.each([
    { store: ['a', 'b', 'c'], file: ['c', 'a'], order: ['c', 'a', 'b'] },
    { store: ['x', 'a', 'y', 'b'], file: ['a', 'b'], order: ['a', 'b', 'x', 'y'] },
    { store: ['a', 'b', 'c'], file: ['a', 'b'], order: undefined },
    { store: ['a', 'b'], file: ['a', 'b', 'c'], order: undefined },
    { store: ['b', 'a'], file: ['gone', 'a'], order: ['a', 'b'] },
    { store: [], file: [], order: undefined },
  ])('puts $file first in $store, the others after in their order: $order', ({ store, file, order }) => {
    expect(orderOf(store, file)).toEqual(order);
  });
});

describe('importCategories', () => {
  test('creates the missing after the others, then puts the file’s first, keeping the others', async () => {
    const { api, calls } = fakeApi([category('old'), category('kitchen', 'Kitchen')]);

    const { lines, interruption } = await run(api, [
      category('garden', ' Garden '),
      category('kitchen', 'Kitchen'),
    ]);

    expect(interruption).toBeUndefined();
    expect(lines).toEqual([
      ['created', '+ created category garden'],
      ['unchanged', '= unchanged category kitchen'],
      ['updated', '~ reordered categories'],
    ]);
    expect(calls).toEqual(['categories', 'create garden Garden', 'categories', 'reorder garden kitchen old']);
  });

  test('renames one whose name differs, reading the store once when it creates none', async () => {
    const { api, calls } = fakeApi([category('home', 'Home'), category('gifts', 'Gifts')]);

    const { lines } = await run(api, [category('home', 'Home & Living')]);

    expect(lines).toEqual([['updated', '~ renamed category home ("Home" → "Home & Living")']]);
    expect(calls).toEqual(['categories', 'rename home Home & Living']);
  });

  test('never deletes: a category missing from the file stays where it was', async () => {
    const { api, calls } = fakeApi([category('a'), category('b')]);

    const { lines } = await run(api, [category('a')]);

    expect(lines).toEqual([['unchanged', '= unchanged category a']]);
    expect(calls).toEqual(['categories']);
  });

  test('reports a reordering the API refuses as a failed line, after the categories', async () => {
    const refusal = new ApiError('BAD_USER_INPUT', 'slugs must name every category exactly once', 'slugs');
    const { api } = fakeApi([category('a'), category('b')], refusal);

    const { lines, interruption } = await run(api, [category('b')]);

    expect(interruption).toBeUndefined();
    expect(lines).toEqual([
      ['unchanged', '= unchanged category b'],
      ['failed', '! categories not reordered: slugs must name every category exactly once (field slugs)'],
    ]);
  });

  test('says where the API stopped answering, for the summary', async () => {
    const { api } = fakeApi([]);
    const error = new Error('unreachable');
    api.categories = () => Promise.reject(error);

    expect((await run(api, [category('a')])).interruption).toEqual({
      error,
      at: 'before the first category',
    });
  });
});
