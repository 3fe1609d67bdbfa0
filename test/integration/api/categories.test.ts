import { newCategories, setArchived, shelvedProduct, updateProduct } from '../../support/browseCatalogue';
import {
  categoriesOf,
  categoryOf,
  CREATE_CATEGORY,
  DELETE_CATEGORY,
  PRODUCT_CATEGORIES_QUERY,
  productCategorySlugs,
  refusal,
  RENAME_CATEGORY,
  REORDER_CATEGORIES,
  walkCategory,
  type CategoryView,
} from '../../support/browseQueries';
import { as } from '../../support/catalogue';
import type { GraphQLRequest } from '../../support/events';
import { shopper, staffMember, useTestApp } from '../../support/fixtures';
import { dataOf, uniqueId } from '../../support/storeApi';

/** The staff's category operations: who may use them, their rules, and what they change. */
const app = useTestApp();
let staff: string;

beforeAll(() => {
  staff = staffMember(app).token;
});

const slugs = (categories: Array<{ slug: string }>) => categories.map((category) => category.slug);
const newShelves = (count: number, prefix = 'shelf') => newCategories(app, staff, count, prefix);

describe('staff operations on categories refuse everyone else', () => {
  const OPERATIONS: Array<{ operation: string; request: (slug: string) => GraphQLRequest }> = [
    {
      operation: 'createCategory',
      request: () => ({ query: CREATE_CATEGORY, variables: { input: { slug: uniqueId('x'), name: 'X' } } }),
    },
    {
      operation: 'renameCategory',
      request: (slug) => ({ query: RENAME_CATEGORY, variables: { slug, name: 'Y' } }),
    },
    {
      operation: 'reorderCategories',
      request: () => ({ query: REORDER_CATEGORIES, variables: { slugs: [] } }),
    },
    { operation: 'deleteCategory', request: (slug) => ({ query: DELETE_CATEGORY, variables: { slug } }) },
  ];
  const REFUSALS = OPERATIONS.flatMap((row) => [
    { ...row, caller: 'an anonymous caller', signedIn: false, code: 'UNAUTHENTICATED' },
    { ...row, caller: 'a shopper', signedIn: true, code: 'FORBIDDEN' },
  ]);

  let slug: string;
  beforeAll(async () => {
    [slug = ''] = await newShelves(1, 'guarded');
  });

  test.each(REFUSALS)(
    '$operation by $caller is $code and writes nothing',
    async ({ request, signedIn, code }) => {
      // Prepare
      const token = signedIn ? shopper(app).token : undefined;
      const before = await app.snapshot();

      // Act
      const response = await app.graphql(request(slug), as(token));

      // Assess
      expect(refusal(response)).toEqual({ codes: [code], data: null });
      expect(await app.snapshot()).toEqual(before);
    },
  );
});

describe('createCategory', () => {
  test('adds a category after the others, empty, found by its slug', async () => {
    // Prepare
    const [earlier = ''] = await newShelves(1);
    const slug = uniqueId('garden');

    // Act
    const response = await app.graphql<{ createCategory: CategoryView }>(
      { query: CREATE_CATEGORY, variables: { input: { slug, name: '  Garden  ' } } },
      { token: staff },
    );

    // Assess
    const expected = { slug, name: 'Garden', productCount: 0 };
    expect(dataOf(response).createCategory).toEqual(expected);
    expect(await categoryOf(app, slug)).toEqual(expected);
    const listed = slugs(await categoriesOf(app));
    expect(listed.at(-1)).toBe(slug);
    expect(listed.indexOf(earlier)).toBe(listed.length - 2);
  });

  test('without a slug, the slug is made from the name', async () => {
    // Act
    const response = await app.graphql<{ createCategory: CategoryView }>(
      { query: CREATE_CATEGORY, variables: { input: { name: 'Bàth & Body (Spa)' } } },
      { token: staff },
    );

    // Assess
    expect(dataOf(response).createCategory).toEqual({
      slug: 'bath-body-spa',
      name: 'Bàth & Body (Spa)',
      productCount: 0,
    });
  });

  test('a slug already taken is CONFLICT and writes nothing', async () => {
    // Prepare
    const [taken = ''] = await newShelves(1, 'taken');
    const before = await app.snapshot();

    // Act
    const response = await app.graphql(
      { query: CREATE_CATEGORY, variables: { input: { slug: taken, name: 'Another' } } },
      { token: staff },
    );

    // Assess
    expect(refusal(response)).toEqual({ codes: ['CONFLICT'], data: null });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    { label: 'a blank name', input: { slug: 'blank-name', name: '   ' } },
    { label: 'a 101-character name', input: { slug: 'long-name', name: 'n'.repeat(101) } },
    { label: 'a slug with capitals and spaces', input: { slug: 'Bad Slug', name: 'Bad' } },
    { label: 'a slug with a double dash', input: { slug: 'bad--slug', name: 'Bad' } },
  ])('$label is BAD_USER_INPUT and writes nothing', async ({ input }) => {
    // Prepare
    const before = await app.snapshot();

    // Act
    const response = await app.graphql({ query: CREATE_CATEGORY, variables: { input } }, { token: staff });

    // Assess
    expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('renameCategory', () => {
  test('renames it in place: same slug, same position, and its products show the new name', async () => {
    // Prepare
    const [slug = ''] = await newShelves(1, 'renamed');
    const product = await shelvedProduct(app, staff, [slug]);
    const positionBefore = slugs(await categoriesOf(app)).indexOf(slug);

    // Act
    const response = await app.graphql<{ renameCategory: CategoryView }>(
      { query: RENAME_CATEGORY, variables: { slug, name: 'Patio' } },
      { token: staff },
    );

    // Assess
    expect(dataOf(response).renameCategory).toEqual({ slug, name: 'Patio', productCount: 1 });
    const listed = await categoriesOf(app);
    expect(listed[positionBefore]).toEqual({ slug, name: 'Patio', productCount: 1 });
    const shown = await app.graphql<{ product: { categories: Array<{ slug: string; name: string }> } }>({
      query: PRODUCT_CATEGORIES_QUERY,
      variables: { id: product.id },
    });
    expect(dataOf(shown).product.categories).toEqual([{ slug, name: 'Patio' }]);
  });
});

describe('reorderCategories', () => {
  test('puts every category in the order given, which products then list their categories in', async () => {
    // Prepare
    const [a = '', b = '', c = ''] = await newShelves(3, 'ordered');
    const product = await shelvedProduct(app, staff, [c, a]);
    const current = slugs(await categoriesOf(app));
    const order = [c, ...current.filter((slug) => slug !== c && slug !== a).reverse(), a];

    // Act
    const response = await app.graphql<{ reorderCategories: CategoryView[] }>(
      { query: REORDER_CATEGORIES, variables: { slugs: order } },
      { token: staff },
    );

    // Assess
    expect(product.categories).toEqual([a, c]);
    expect(slugs(dataOf(response).reorderCategories)).toEqual(order);
    expect(slugs(await categoriesOf(app))).toEqual(order);
    expect(await productCategorySlugs(app, product.id)).toEqual([c, a]);
    expect(order).toContain(b);
  });

  test.each([
    { label: 'leaving one out', change: (all: string[]) => all.slice(1) },
    { label: 'naming one twice', change: (all: string[]) => [...all, all[0] ?? ''] },
    { label: 'naming an unknown slug', change: (all: string[]) => [...all, 'no-such-shelf'] },
    {
      label: 'replacing one by an unknown slug',
      change: (all: string[]) => [...all.slice(1), 'no-such-shelf'],
    },
    { label: 'naming none', change: () => [] },
  ])('$label is BAD_USER_INPUT and changes nothing', async ({ change }) => {
    // Prepare
    const current = slugs(await categoriesOf(app));
    const before = await app.snapshot();

    // Act
    const response = await app.graphql(
      { query: REORDER_CATEGORIES, variables: { slugs: change([...current].reverse()) } },
      { token: staff },
    );

    // Assess
    expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
    expect(await app.snapshot()).toEqual(before);
    expect(slugs(await categoriesOf(app))).toEqual(current);
  });
});

describe('deleteCategory', () => {
  test('removes an empty category from the list; category(slug) is then null', async () => {
    // Prepare
    const [slug = ''] = await newShelves(1, 'doomed');

    // Act
    const response = await app.graphql<{ deleteCategory: { slug: string } }>(
      { query: DELETE_CATEGORY, variables: { slug } },
      { token: staff },
    );

    // Assess
    expect(dataOf(response).deleteCategory.slug).toBe(slug);
    expect(slugs(await categoriesOf(app))).not.toContain(slug);
    expect(await categoryOf(app, slug)).toBeNull();
  });

  test('a slug deleted and created again names a new, empty category', async () => {
    // Prepare
    const [slug = '', other = ''] = await newShelves(2, 'reborn');
    const product = await shelvedProduct(app, staff, [slug]);
    await updateProduct(app, staff, product.id, { categories: [other] });
    dataOf(await app.graphql({ query: DELETE_CATEGORY, variables: { slug } }, { token: staff }));

    // Act
    const response = await app.graphql<{ createCategory: CategoryView }>(
      { query: CREATE_CATEGORY, variables: { input: { slug, name: 'Reborn' } } },
      { token: staff },
    );

    // Assess
    expect(dataOf(response).createCategory).toEqual({ slug, name: 'Reborn', productCount: 0 });
    expect(slugs(await categoriesOf(app)).at(-1)).toBe(slug);
    expect((await walkCategory(app, slug, { first: 10, sort: 'NEWEST' })).ids).toEqual([]);
    expect((await walkCategory(app, other, { first: 10, sort: 'NAME' })).ids).toEqual([product.id]);
    expect(await productCategorySlugs(app, product.id)).toEqual([other]);
  });

  test.each([
    { label: 'a live product', archived: false },
    { label: 'only an archived product', archived: true },
  ])('is CONFLICT while it holds $label, and writes nothing', async ({ archived }) => {
    // Prepare
    const [slug = ''] = await newShelves(1, 'held');
    const product = await shelvedProduct(app, staff, [slug]);
    if (archived) await setArchived(app, staff, product.id, true);
    const before = await app.snapshot();

    // Act
    const response = await app.graphql({ query: DELETE_CATEGORY, variables: { slug } }, { token: staff });

    // Assess
    expect(refusal(response)).toEqual({ codes: ['CONFLICT'], data: null });
    expect(await app.snapshot()).toEqual(before);
  });

  test('succeeds once its last product moved out', async () => {
    // Prepare
    const [slug = '', other = ''] = await newShelves(2, 'emptied');
    const product = await shelvedProduct(app, staff, [slug, other]);
    await updateProduct(app, staff, product.id, { categories: [other] });

    // Act
    const response = await app.graphql({ query: DELETE_CATEGORY, variables: { slug } }, { token: staff });

    // Assess
    expect(refusal(response).codes).toEqual([]);
    expect(await productCategorySlugs(app, product.id)).toEqual([other]);
  });
});
