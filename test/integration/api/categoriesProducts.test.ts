import { newCategories, setArchived, shelvedProduct, updateProduct } from '../../support/browseCatalogue';
import {
  categoryOf,
  CREATE_BROWSE_PRODUCT,
  productCategorySlugs,
  refusal,
  UPDATE_BROWSE_PRODUCT,
} from '../../support/browseQueries';
import { staffMember, useTestApp } from '../../support/fixtures';
import { uniqueId } from '../../support/storeApi';

/** Products on the store's shelves: the categories they list, the counts, and the refused inputs. */
const app = useTestApp();
let staff: string;

beforeAll(() => {
  staff = staffMember(app).token;
});

const newShelves = (count: number, prefix = 'shelf') => newCategories(app, staff, count, prefix);
const countsOf = async (slugs: string[]) =>
  (await Promise.all(slugs.map((slug) => categoryOf(app, slug)))).map((category) => category?.productCount);

let six: string[] | undefined;
/** Six categories, one more than a product may be in; made once for the file. */
async function sixShelves(): Promise<string[]> {
  six ??= await newShelves(6, 'six');
  return six;
}

describe('a product in categories', () => {
  test('lists them in store order, whatever order it was given them in, and each counts it', async () => {
    // Prepare
    const [a = '', b = '', c = ''] = await newShelves(3, 'listed');

    // Act
    const product = await shelvedProduct(app, staff, [c, a, b]);

    // Assess
    expect(product.categories).toEqual([a, b, c]);
    expect(await productCategorySlugs(app, product.id)).toEqual([a, b, c]);
    expect(await countsOf([a, b, c])).toEqual([1, 1, 1]);
  });

  test('productCount counts live products: archiving takes one off, unarchiving puts it back', async () => {
    // Prepare
    const [slug = ''] = await newShelves(1, 'counted');
    const [first, second] = [
      await shelvedProduct(app, staff, [slug]),
      await shelvedProduct(app, staff, [slug]),
    ];

    // Act
    await setArchived(app, staff, first.id, true);
    const archivedCount = (await categoryOf(app, slug))?.productCount;
    await setArchived(app, staff, first.id, false);
    const restoredCount = (await categoryOf(app, slug))?.productCount;
    await updateProduct(app, staff, second.id, { categories: [] });

    // Assess
    expect(archivedCount).toBe(1);
    expect(restoredCount).toBe(2);
    expect(await countsOf([slug])).toEqual([1]);
    expect(await productCategorySlugs(app, second.id)).toEqual([]);
  });

  test('updateProduct replaces its categories; fields not given stay as they were', async () => {
    // Prepare
    const [a = '', b = '', c = ''] = await newShelves(3, 'moved');
    const product = await shelvedProduct(app, staff, [a, b]);

    // Act
    const moved = await updateProduct(app, staff, product.id, { categories: [c, b] });
    const renamed = await updateProduct(app, staff, product.id, { name: 'Renamed Thing' });

    // Assess
    expect(moved.categories).toEqual([b, c]);
    expect(renamed.categories).toEqual([b, c]);
    expect(await productCategorySlugs(app, product.id)).toEqual([b, c]);
    expect(await countsOf([a, b, c])).toEqual([0, 1, 1]);
  });

  test('a product created without categories is on no shelf, with a createdAt of its creation', async () => {
    // Prepare
    const before = Date.now();

    // Act
    const product = await shelvedProduct(app, staff, []);

    // Assess
    expect(product.categories).toEqual([]);
    expect(product.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(Date.parse(product.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(product.createdAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test("updateProduct keeps the product's createdAt", async () => {
    // Prepare
    const [slug = ''] = await newShelves(1, 'stable');
    const product = await shelvedProduct(app, staff, [slug]);

    // Act
    const updated = await updateProduct(app, staff, product.id, { price: 200, categories: [] });

    // Assess
    expect(updated.createdAt).toBe(product.createdAt);
  });

  test('5 categories are accepted', async () => {
    // Prepare
    const five = await newShelves(5, 'five');

    // Act
    const product = await shelvedProduct(app, staff, [...five].reverse());

    // Assess
    expect(product.categories).toEqual(five);
  });

  test.each([
    { label: 'createProduct with an unknown category', unknown: true, update: false },
    { label: 'createProduct with 6 categories', unknown: false, update: false },
    { label: 'updateProduct with an unknown category', unknown: true, update: true },
    { label: 'updateProduct with 6 categories', unknown: false, update: true },
  ])('$label is BAD_USER_INPUT and writes nothing', async ({ unknown, update }) => {
    // Prepare
    const known = unknown ? await newShelves(1, 'refused') : await sixShelves();
    const categories = unknown ? [...known, 'no-such-shelf'] : known;
    const existing = await shelvedProduct(app, staff, known.slice(0, 1));
    const before = await app.snapshot();

    // Act
    const response = update
      ? await app.graphql(
          { query: UPDATE_BROWSE_PRODUCT, variables: { id: existing.id, input: { categories, price: 1 } } },
          { token: staff },
        )
      : await app.graphql(
          {
            query: CREATE_BROWSE_PRODUCT,
            variables: {
              input: { id: uniqueId('refused'), name: 'Refused', code: 'R', price: 1, categories },
            },
          },
          { token: staff },
        );

    // Assess
    expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    { label: 'createProduct', update: false },
    { label: 'updateProduct', update: true },
  ])(
    '$label naming a category twice is BAD_USER_INPUT on categories and writes nothing',
    async ({ update }) => {
      // Prepare
      const [a = '', b = ''] = await newShelves(2, 'twice');
      const existing = await shelvedProduct(app, staff, [a]);
      const categories = [a, b, a];
      const before = await app.snapshot();

      // Act
      const response = update
        ? await app.graphql(
            { query: UPDATE_BROWSE_PRODUCT, variables: { id: existing.id, input: { categories } } },
            { token: staff },
          )
        : await app.graphql(
            {
              query: CREATE_BROWSE_PRODUCT,
              variables: { input: { id: uniqueId('twice'), name: 'Twice', code: 'T', price: 1, categories } },
            },
            { token: staff },
          );

      // Assess
      expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'categories' });
      expect(await app.snapshot()).toEqual(before);
    },
  );
});
