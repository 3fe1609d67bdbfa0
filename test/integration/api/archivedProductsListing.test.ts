import type { ProductRecord } from '../../../src/datasources/models';
import { shopper, staffMember, useTestApp } from '../../support/fixtures';
import { ARCHIVE_PRODUCT, listProducts, type ProductsPage } from '../../support/catalogue';
import { dataOf, errorCodes } from '../../support/storeApi';

/**
 * The staff's listing with `includeArchived`: the live products in name order, then the archived
 * ones in name order, paged across the boundary. This file's tables hold exactly this catalogue,
 * inserted out of order, with names whose case and accents the ordering ignores; the archived
 * products would sort among the live ones if the listing mixed them.
 */
const LIVE: Array<Pick<ProductRecord, 'id' | 'name'>> = [
  { id: 'live-1', name: 'delta Mug' },
  { id: 'live-2', name: 'Amber Vase' },
  { id: 'live-3', name: 'Élan Lamp' },
  { id: 'live-4', name: 'brass Bell' },
  { id: 'live-5', name: 'Cedar Box' },
];
const ARCHIVED: Array<Pick<ProductRecord, 'id' | 'name'>> = [
  { id: 'archived-1', name: 'Zinc Tray' },
  { id: 'archived-2', name: 'Anchor Hook' },
  { id: 'archived-3', name: 'Mirror' },
];
const LIVE_IN_ORDER = ['live-2', 'live-4', 'live-5', 'live-1', 'live-3'];
const ARCHIVED_IN_ORDER = ['archived-2', 'archived-3', 'archived-1'];
const STAFF_LISTING = [...LIVE_IN_ORDER, ...ARCHIVED_IN_ORDER];

const app = useTestApp({ products: [...LIVE, ...ARCHIVED] });

beforeAll(async () => {
  const { token } = staffMember(app);
  for (const { id } of ARCHIVED) {
    dataOf(await app.graphql({ query: ARCHIVE_PRODUCT, variables: { id } }, { token }));
  }
});

/** The staff listing with archived products, read in pages of `first` from the start. */
async function walkStaffListing(first: number): Promise<ProductsPage[]> {
  const { token } = staffMember(app);
  const pages: ProductsPage[] = [];
  let after: string | null = null;
  do {
    const page: ProductsPage = dataOf(
      await listProducts(app, { first, after, includeArchived: true }, token),
    ).products;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null && pages.length <= STAFF_LISTING.length);
  return pages;
}

/** The cursor of `id` in the staff listing with archived products. */
async function staffCursorOf(id: string): Promise<string> {
  const { token } = staffMember(app);
  const page = dataOf(await listProducts(app, { first: 100, includeArchived: true }, token)).products;
  const edge = page.edges.find((candidate) => candidate.node.id === id);
  if (!edge) throw new Error(`${id} is not in the staff listing`);
  return edge.cursor;
}

describe('products(includeArchived: true)', () => {
  test('anonymous callers, shoppers and staff who do not ask list the live products alone, in name order', async () => {
    // Act
    const listings = await Promise.all(
      [undefined, shopper(app).token, staffMember(app).token].map(async (token) =>
        dataOf(await listProducts(app, { first: 100 }, token)).products.edges.map((edge) => edge.node.id),
      ),
    );

    // Assess
    expect(listings).toEqual([LIVE_IN_ORDER, LIVE_IN_ORDER, LIVE_IN_ORDER]);
  });

  test('staff list the live products, then the archived ones flagged archived, each part in name order', async () => {
    // Act
    const page = dataOf(
      await listProducts(app, { first: 100, includeArchived: true }, staffMember(app).token),
    ).products;

    // Assess
    expect(page.edges.map((edge) => [edge.node.id, edge.node.archived])).toEqual([
      ...LIVE_IN_ORDER.map((id) => [id, false]),
      ...ARCHIVED_IN_ORDER.map((id) => [id, true]),
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges.at(-1)?.cursor });
  });

  test.each([
    { first: 1, note: 'a page ends exactly at the last live product' },
    { first: 2, note: 'a page spans the live and archived parts' },
    { first: 3, note: 'a page spans the live and archived parts' },
    { first: LIVE.length, note: 'the first page is exactly the live products' },
    { first: STAFF_LISTING.length, note: 'one page holds everything' },
  ])(
    'pages of $first ($note): full pages, live then archived in name order, none repeated or skipped, the last without a next page',
    async ({ first }) => {
      // Act
      const pages = await walkStaffListing(first);

      // Assess
      const sizes = pages.map((page) => page.edges.length);
      const pageCount = Math.ceil(STAFF_LISTING.length / first);
      expect(sizes).toEqual(
        Array.from({ length: pageCount }, (_unused, index) =>
          Math.min(first, STAFF_LISTING.length - index * first),
        ),
      );
      expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(STAFF_LISTING);
      expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual(
        Array.from({ length: pageCount }, (_unused, index) => index < pageCount - 1),
      );
      for (const page of pages) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    },
  );

  test("a live product's cursor from the staff listing continues a shopper's listing among the live products", async () => {
    // Prepare
    const after = await staffCursorOf(LIVE_IN_ORDER[2] ?? '');

    // Act
    const response = await listProducts(app, { first: 100, after }, shopper(app).token);

    // Assess
    expect(dataOf(response).products.edges.map((edge) => edge.node.id)).toEqual(LIVE_IN_ORDER.slice(3));
    expect(dataOf(response).products.pageInfo.hasNextPage).toBe(false);
  });

  test.each([
    { caller: 'a shopper', token: () => shopper(app).token },
    { caller: 'an anonymous caller', token: () => undefined },
    { caller: 'staff not asking for archived products', token: () => staffMember(app).token },
  ])(
    'a cursor from the archived part of the staff listing, passed to products(after:) by $caller, is BAD_USER_INPUT',
    async ({ token }) => {
      // Prepare
      const after = await staffCursorOf(ARCHIVED_IN_ORDER[0] ?? '');

      // Act
      const response = await listProducts(app, { first: 10, after }, token());

      // Assess
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'after' });
      expect(response.body.data).toBeNull();
    },
  );
});
