import {
  createCategories,
  createProducts,
  setArchived,
  updateProduct,
  type CatalogueProduct,
} from '../../support/browseCatalogue';
import { expectedIds } from '../../support/browseExpected';
import {
  categoriesOf,
  listing,
  PRODUCT_CATEGORIES_QUERY,
  SORTS,
  walkCategory,
  type CategoryView,
  type ProductFilter,
  type ProductSort,
} from '../../support/browseQueries';
import { ADJUST_STOCK, type AdjustStockData } from '../../support/catalogue';
import { staffMember, useTestApp } from '../../support/fixtures';
import { dataOf } from '../../support/storeApi';

/**
 * Read after write: once a staff change is answered, the very next request lists the catalogue
 * as the change says, in every sort, every category, and the searches for the old and new words.
 */
const app = useTestApp();
const SHELVES = [
  { slug: 'alpha', name: 'Alpha' },
  { slug: 'beta', name: 'Beta' },
  { slug: 'gamma', name: 'Gamma' },
];
const ADJECTIVES = ['Amber', 'Brass', 'Copper', 'Delta', 'Orbit', 'Quiet'];
const NOUNS = ['Lamp', 'Vase', 'Mug', 'Bell'];
const products = new Map<string, CatalogueProduct>();
let staff: string;

beforeAll(async () => {
  staff = staffMember(app).token;
  await createCategories(app, staff, SHELVES);
  const inputs = ADJECTIVES.flatMap((adjective, a) =>
    NOUNS.map((noun, n) => {
      const index = a * NOUNS.length + n;
      return {
        id: `c-${String((index * 7) % 24).padStart(2, '0')}`,
        name: `${adjective} ${noun}`,
        price: [500, 1500, 1500, 2500][index % 4] ?? 0,
        stock: index % 5 === 0 ? 0 : 4,
        categories: SHELVES.filter((_, s) => (index + s) % 3 !== 0).map((shelf) => shelf.slug),
      };
    }),
  );
  for (const product of await createProducts(app, staff, inputs, 6)) products.set(product.id, product);
}, 60_000);

function productNamed(name: string): CatalogueProduct {
  const product = [...products.values()].find((candidate) => candidate.name === name);
  if (!product) throw new Error(`No product ${name}`);
  return product;
}

/** Every listing of the catalogue, keyed by what it lists: as the API answers, or as it must be. */
async function everyListing(words: string[], computed: boolean): Promise<Record<string, string[]>> {
  const rows: Array<{ key: string; sort: ProductSort; filter: ProductFilter; viaCategory?: string }> =
    SORTS.flatMap((sort) => [
      { key: `${sort}`, sort, filter: {} },
      ...SHELVES.map(({ slug }) => ({ key: `${sort} category ${slug}`, sort, filter: { category: slug } })),
      ...SHELVES.map(({ slug }) => ({
        key: `${sort} Category(${slug}).products`,
        sort,
        filter: { category: slug },
        viaCategory: slug,
      })),
      ...words.map((search) => ({ key: `${sort} search ${search}`, sort, filter: { search } })),
      { key: `${sort} in stock`, sort, filter: { inStock: true } },
      { key: `${sort} out of stock`, sort, filter: { inStock: false } },
      { key: `${sort} 1000..2000`, sort, filter: { minPrice: 1000, maxPrice: 2000 } },
    ]);
  const entries = await Promise.all(
    rows.map(async ({ key, sort, filter, viaCategory }) => {
      if (computed) return [key, expectedIds(products.values(), sort, filter)] as const;
      if (viaCategory)
        return [key, (await walkCategory(app, viaCategory, { first: 100, sort })).ids] as const;
      return [key, await listing(app, sort, filter)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function expectListingsCurrent(words: string[]) {
  expect(await everyListing(words, false)).toEqual(await everyListing(words, true));
  const counts = Object.fromEntries(SHELVES.map(({ slug }) => [slug, 0]));
  for (const product of products.values()) {
    if (!product.archived) for (const slug of product.categories) counts[slug] = (counts[slug] ?? 0) + 1;
  }
  const categories: CategoryView[] = await categoriesOf(app);
  expect(Object.fromEntries(categories.map((category) => [category.slug, category.productCount]))).toEqual(
    counts,
  );
}

async function change(id: string, input: Record<string, unknown>) {
  const before = products.get(id);
  const after = await updateProduct(app, staff, id, input);
  expect(after.createdAt).toBe(before?.createdAt);
  products.set(id, after);
}

describe('every listing reflects a change in the next request', () => {
  test('as built, before any change', async () => {
    await expectListingsCurrent(['amber', 'lamp']);
  });

  test('a new product is listed at once: first in NEWEST, in its categories and its searches', async () => {
    // Act
    const created = await createProducts(
      app,
      staff,
      [{ id: 'c-new', name: 'Brand New Kettle', price: 1500, stock: 2, categories: ['gamma', 'beta'] }],
      1,
    );
    for (const product of created) products.set(product.id, product);

    // Assess
    await expectListingsCurrent(['brand', 'kettle', 'new kett']);
    expect((await listing(app, 'NEWEST'))[0]).toBe('c-new');
  });

  test('a new name: NAME order moves, the old words no longer find it, the new ones do', async () => {
    // Prepare
    const { id } = productNamed('Amber Lamp');

    // Act
    await change(id, { name: 'Zircon Kettle' });

    // Assess
    await expectListingsCurrent(['amber', 'lamp', 'zircon', 'kett', 'amber lamp']);
    expect(await listing(app, 'NAME', { search: 'amber lamp' })).toEqual([]);
    expect((await listing(app, 'NAME')).at(-1)).toBe(id);
  });

  test('a new price: both price orders and the price filters move it', async () => {
    // Prepare
    const { id } = productNamed('Brass Vase');

    // Act
    await change(id, { price: 1 });
    const cheapest = (await listing(app, 'PRICE_ASC'))[0];
    await change(id, { price: 1999 });

    // Assess
    expect(cheapest).toBe(id);
    await expectListingsCurrent(['brass']);
    expect(await listing(app, 'PRICE_ASC', { minPrice: 1999, maxPrice: 1999 })).toEqual([id]);
  });

  test('new categories: it leaves the old shelves and joins the new ones, counts follow', async () => {
    // Prepare
    const { id } = productNamed('Copper Mug');

    // Act
    await change(id, { categories: ['gamma'] });
    await expectListingsCurrent(['copper']);
    await change(id, { categories: [] });
    await expectListingsCurrent(['copper']);
    await change(id, { categories: ['beta', 'alpha'] });

    // Assess
    await expectListingsCurrent(['copper']);
    const response = await app.graphql<{ product: { categories: Array<{ slug: string }> } }>({
      query: PRODUCT_CATEGORIES_QUERY,
      variables: { id },
    });
    expect(dataOf(response).product.categories.map((category) => category.slug)).toEqual(['alpha', 'beta']);
  });

  test('archiving takes it out of every listing and count; unarchiving puts it back', async () => {
    // Prepare
    const { id } = productNamed('Delta Bell');

    // Act
    products.set(id, await setArchived(app, staff, id, true));
    await expectListingsCurrent(['delta', 'bell']);
    products.set(id, await setArchived(app, staff, id, false));

    // Assess
    await expectListingsCurrent(['delta', 'bell']);
    expect(await listing(app, 'NEWEST', { search: 'delta bell' })).toEqual([id]);
  });

  test('a stock change moves it between the in-stock and out-of-stock listings', async () => {
    // Prepare
    const product = [...products.values()].find((candidate) => candidate.stock > 0 && !candidate.archived);
    if (!product) throw new Error('No product in stock');

    // Act
    const emptied = await app.graphql<AdjustStockData>(
      { query: ADJUST_STOCK, variables: { productId: product.id, delta: -product.stock } },
      { token: staff },
    );
    products.set(product.id, { ...product, stock: dataOf(emptied).adjustStock.stock });

    // Assess
    expect(products.get(product.id)?.stock).toBe(0);
    await expectListingsCurrent([]);
    expect(await listing(app, 'PRICE_DESC', { inStock: false })).toContain(product.id);
  });

  test('several changes in a row leave each listing as the last one says', async () => {
    // Prepare
    const { id } = productNamed('Orbit Lamp');

    // Act
    await change(id, { name: 'Aardvark Stool', price: 2500, categories: ['gamma'] });
    products.set(id, await setArchived(app, staff, id, true));
    await change(id, { name: 'Orbit Lantern', price: 700 });
    products.set(id, await setArchived(app, staff, id, false));
    await change(id, { categories: ['alpha', 'gamma'] });

    // Assess
    await expectListingsCurrent(['orbit', 'lantern', 'lamp', 'aardvark', 'stool']);
  });
});
