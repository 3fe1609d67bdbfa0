import { FIRST, useBuiltCatalogue } from '../../support/browseCatalogue';
import { expectedIds, expectedShape } from '../../support/browseExpected';
import {
  browse,
  browseCategory,
  productsPage,
  refusal,
  SORTS,
  walkProducts,
  type ProductSort,
} from '../../support/browseQueries';
import { useTestApp } from '../../support/fixtures';

/**
 * What a listing refuses and what staff alone may list: cursors replayed on another sort or
 * category, forged cursors, includeArchived with a sort or a filter, and page sizes out of range,
 * over one catalogue of 130 products (some archived) built through the staff API.
 */
const app = useTestApp();
const { products, staffToken } = useBuiltCatalogue(app);

describe('cursors', () => {
  const PAIRS = SORTS.flatMap((from) => SORTS.filter((to) => to !== from).map((to) => ({ from, to })));

  test.each(PAIRS)('a cursor of sort $from used with sort $to is BAD_USER_INPUT', async ({ from, to }) => {
    // Prepare
    const after = (await productsPage(app, { first: 3, sort: from })).pageInfo.endCursor;

    // Act
    const response = await browse(app, { first: 3, sort: to, after });

    // Assess
    expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
  });

  test.each(SORTS)(
    'a cursor of one category used with another in sort %s is BAD_USER_INPUT',
    async (sort) => {
      // Prepare
      const after = (await productsPage(app, { first: 3, sort, filter: { category: 'garden' } })).pageInfo
        .endCursor;

      // Act
      const onFilter = await browse(app, { first: 3, sort, after, filter: { category: 'kitchen' } });
      const onCategory = await browseCategory(app, 'kitchen', { first: 3, sort, after });

      // Assess
      expect(refusal(onFilter).codes).toEqual(['BAD_USER_INPUT']);
      expect(refusal(onCategory).codes).toEqual(['BAD_USER_INPUT']);
    },
  );

  test.each(
    SORTS.flatMap((sort) => [
      { sort, label: 'garbage', after: 'not-a-cursor' },
      {
        sort,
        label: 'base64url of JSON of no known shape',
        after: Buffer.from('{"x":1}').toString('base64url'),
      },
      { sort, label: 'empty', after: '' },
    ]),
  )('a $label cursor with sort $sort is BAD_USER_INPUT', async ({ sort, after }) => {
    // Act
    const response = await browse(app, { first: 3, sort, after, filter: { inStock: true } });

    // Assess
    expect(refusal(response).codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('includeArchived (staff)', () => {
  test('lists the live products by name, then the archived ones by name', async () => {
    // Act
    const walked = await walkProducts(
      app,
      { first: FIRST, includeArchived: true, sort: 'NAME' },
      staffToken(),
    );

    // Assess
    const archived = [...products().values()].filter((product) => product.archived);
    expect(archived.length).toBeGreaterThan(5);
    const expected = [
      ...expectedIds(products().values(), 'NAME'),
      ...expectedIds(
        archived.map((product) => ({ ...product, archived: false })),
        'NAME',
      ),
    ];
    expect(walked.ids).toEqual(expected);
    expect(walked.shape).toEqual(expectedShape(expected.length, FIRST));
  });

  test.each<{ label: string; sort?: ProductSort; filter?: Record<string, unknown> }>([
    { label: 'sort PRICE_ASC', sort: 'PRICE_ASC' },
    { label: 'sort NEWEST', sort: 'NEWEST' },
    { label: 'a category filter', filter: { category: 'garden' } },
    { label: 'a search', filter: { search: 'lamp' } },
    { label: 'an inStock filter', filter: { inStock: true } },
  ])('with $label is BAD_USER_INPUT', async ({ sort, filter }) => {
    // Act
    const response = await browse(app, { first: 5, includeArchived: true, sort, filter }, staffToken());

    // Assess
    expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
  });
});

describe('page size', () => {
  test.each([0, 101])('first %i with a sort and a filter is BAD_USER_INPUT', async (first) => {
    // Act
    const response = await browse(app, { first, sort: 'PRICE_DESC', filter: { category: 'garden' } });

    // Assess
    expect(refusal(response).codes).toEqual(['BAD_USER_INPUT']);
  });
});
