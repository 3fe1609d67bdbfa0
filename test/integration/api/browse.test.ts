import { CATEGORIES, FIRST, useBuiltCatalogue } from '../../support/browseCatalogue';
import { expectedIds, expectedShape } from '../../support/browseExpected';
import {
  browse,
  browseCategory,
  categoriesOf,
  productsPage,
  refusal,
  SORTS,
  walkCategory,
  walkProducts,
} from '../../support/browseQueries';
import { shopper, useTestApp } from '../../support/fixtures';

/**
 * Browsing the whole catalogue and each category in every sort, page after page: one catalogue of
 * 130 products (ties in name and price, accents, names beyond `z` in byte order, out of stock and
 * archived ones), built through the staff API, against the same listing computed in memory.
 */
const app = useTestApp();
const { products, staffToken } = useBuiltCatalogue(app);

const live = () => [...products().values()].filter((product) => !product.archived);

describe('products in each sort', () => {
  test.each(SORTS)(
    'sort %s pages through the whole live catalogue in order, each page full until the last',
    async (sort) => {
      // Act
      const walked = await walkProducts(app, { first: FIRST, sort });

      // Assess
      const expected = expectedIds(products().values(), sort);
      expect(expected.length).toBeGreaterThan(100);
      expect(walked.ids).toEqual(expected);
      expect(walked.shape).toEqual(expectedShape(expected.length, FIRST));
      expect(walked.badEndCursors).toBe(0);
      expect(new Set(walked.cursors).size).toBe(walked.cursors.length);
    },
  );

  test.each(SORTS)('sort %s in pages of 100 and of 1 lists the same sequence', async (sort) => {
    // Act
    const hundreds = await walkProducts(app, { first: 100, sort });
    const firstTen = (await productsPage(app, { first: 10, sort })).edges.map((edge) => edge.node.id);
    const ones: string[] = [];
    let after: string | null = null;
    for (let index = 0; index < 10; index += 1) {
      const page = await productsPage(app, { first: 1, sort, after });
      ones.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.endCursor;
    }

    // Assess
    const expected = expectedIds(products().values(), sort);
    expect(hundreds.ids).toEqual(expected);
    expect(hundreds.shape).toEqual(expectedShape(expected.length, 100));
    expect(firstTen).toEqual(expected.slice(0, 10));
    expect(ones).toEqual(expected.slice(0, 10));
  });

  test('the default sort is NAME', async () => {
    // Act
    const page = await productsPage(app, { first: 20 });

    // Assess
    expect(page.edges.map((edge) => edge.node.id)).toEqual(
      expectedIds(products().values(), 'NAME').slice(0, 20),
    );
  });

  test('NAME orders folded names by their bytes (ø and ß after z), accented twins by id', async () => {
    // Act
    const names = (await walkProducts(app, { first: 100, sort: 'NAME' })).ids.map(
      (id) => products().get(id)?.name,
    );

    // Assess
    const eclairs = names.filter((name) => /^[EÉé]clair tin$/i.test(name ?? ''));
    expect(eclairs).toHaveLength(4);
    expect(names).toEqual(
      expect.arrayContaining(['Zebra Rug', 'Øresund Print', 'Straße Sign', 'Ångström Ruler', 'Brass Bird']),
    );
    expect(names.indexOf('Zebra Rug')).toBeLessThan(names.indexOf('Øresund Print'));
    expect(names.indexOf('Straße Sign')).toBeLessThan(names.indexOf('Zebra Rug'));
    expect(names.indexOf('Ångström Ruler')).toBeLessThan(names.indexOf('Brass Bird'));
    expect(names.at(-1)).toBe('Øresund Print');
  });

  test('PRICE_DESC is exactly PRICE_ASC reversed, ties included', async () => {
    // Act
    const ascending = (await walkProducts(app, { first: 100, sort: 'PRICE_ASC' })).ids;
    const descending = (await walkProducts(app, { first: 100, sort: 'PRICE_DESC' })).ids;

    // Assess
    expect(descending).toEqual([...ascending].reverse());
  });

  test('a shopper, an anonymous caller and staff without includeArchived see the same list', async () => {
    // Act
    const lists = await Promise.all(
      [undefined, shopper(app).token, staffToken()].map(
        async (token) => (await walkProducts(app, { first: 50, sort: 'NEWEST' }, token)).ids,
      ),
    );

    // Assess
    const expected = expectedIds(products().values(), 'NEWEST');
    expect(lists).toEqual([expected, expected, expected]);
  });

  test('the same cursor twice answers the same page', async () => {
    // Prepare
    const first = await productsPage(app, { first: FIRST, sort: 'PRICE_ASC' });
    const after = first.pageInfo.endCursor;

    // Act
    const [again, once] = await Promise.all([
      productsPage(app, { first: FIRST, sort: 'PRICE_ASC', after }),
      productsPage(app, { first: FIRST, sort: 'PRICE_ASC', after }),
    ]);

    // Assess
    expect(again).toEqual(once);
    expect(again.edges.map((edge) => edge.node.id)).toEqual(
      expectedIds(products().values(), 'PRICE_ASC').slice(FIRST, 2 * FIRST),
    );
  });
});

describe('categories', () => {
  const SORTED_CATEGORIES = CATEGORIES.flatMap(({ slug }) => SORTS.map((sort) => ({ slug, sort })));

  test('are listed in the order staff created them, each counting its live products', async () => {
    // Act
    const categories = await categoriesOf(app);

    // Assess
    expect(categories).toEqual(
      CATEGORIES.map(({ slug, name }) => ({
        slug,
        name,
        productCount: live().filter((product) => product.categories.includes(slug)).length,
      })),
    );
    expect(categories.find((category) => category.slug === 'attic')?.productCount).toBe(0);
  });

  test.each(SORTED_CATEGORIES)(
    'category $slug in sort $sort pages through its live products in order',
    async ({ slug, sort }) => {
      // Act
      const walked = await walkCategory(app, slug, { first: FIRST, sort });

      // Assess
      const expected = expectedIds(products().values(), sort, { category: slug });
      expect(walked.ids).toEqual(expected);
      expect(walked.shape).toEqual(expectedShape(expected.length, FIRST));
    },
  );

  test.each(SORTS)(
    'products(filter: {category}) in sort %s lists what Category.products lists',
    async (sort) => {
      // Act
      const viaFilter = await walkProducts(app, { first: FIRST, sort, filter: { category: 'kitchen' } });
      const viaCategory = await walkCategory(app, 'kitchen', { first: FIRST, sort });

      // Assess
      expect(viaFilter.ids).toEqual(expectedIds(products().values(), sort, { category: 'kitchen' }));
      expect(viaFilter.ids).toEqual(viaCategory.ids);
    },
  );

  test('Category.products accepts a filter naming the same category, with a search', async () => {
    // Act
    const walked = await walkCategory(app, 'garden', {
      first: 3,
      sort: 'PRICE_ASC',
      filter: { category: 'garden', search: 'lamp' },
    });

    // Assess
    const expected = expectedIds(products().values(), 'PRICE_ASC', { category: 'garden', search: 'lamp' });
    expect(expected.length).toBeGreaterThan(3);
    expect(walked.ids).toEqual(expected);
  });

  test('Category.products with a filter naming another category is BAD_USER_INPUT', async () => {
    // Act
    const response = await browseCategory(app, 'garden', { filter: { category: 'kitchen' } });

    // Assess
    expect(refusal(response).codes).toEqual(['BAD_USER_INPUT']);
  });

  test('category(slug) of no category is null', async () => {
    // Act
    const response = await browseCategory(app, 'no-such-shelf', { first: 5 });

    // Assess
    expect(response.body).toMatchObject({ data: { category: null } });
    expect(response.body.errors).toBeUndefined();
  });

  test.each(SORTS)(
    'products(filter: {category}) of a well-formed slug no category has, in sort %s, lists nothing',
    async (sort) => {
      // Act
      const response = await browse(app, { first: FIRST, sort, filter: { category: 'no-such-shelf' } });

      // Assess
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.products).toEqual({
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    },
  );
});
