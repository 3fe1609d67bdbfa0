import { nameSortKey, priceSortKey } from '../../../src/datasources/listingKeys';
import type { ProductRecord } from '../../../src/datasources/models';
import {
  categoryListing,
  searchListing,
  WHOLE_CATALOGUE_LISTING,
} from '../../../src/datasources/productListings';
import { createProduct, newCategories } from '../../support/browseCatalogue';
import {
  browseCategory,
  listing,
  walkCategory,
  walkProducts,
  SORTS,
  type BrowsePage,
  type ProductFilter,
  type ProductSort,
} from '../../support/browseQueries';
import { staffMember, useTestApp } from '../../support/fixtures';
import { entryOf, productRecord, putEntries } from '../../support/listingItems';
import { dataOf, uniqueId } from '../../support/storeApi';

/**
 * Listings over stale entries: an entry whose product is archived or gone, or whose price,
 * category or name no longer match. The entry and the product are two reads, which a change in
 * between sets apart for a moment (docs/browsing.md); here the entries are written directly into
 * the listing table. The product read is what a page shows: a stale entry never shows, never ends
 * a listing early, never makes a page skip a live product, and never costs more calls than priced.
 */
const app = useTestApp();
let staff: string;

beforeAll(() => {
  staff = staffMember(app).token;
});

const STALE_KINDS = ['an archived product', 'a product id that names nothing'] as const;
type StaleKind = (typeof STALE_KINDS)[number];

/** A product whose entries must not be listed: archived, or never stored. */
async function staleProduct(kind: StaleKind, fields: Partial<ProductRecord>): Promise<ProductRecord> {
  const record = productRecord({ ...fields, id: uniqueId('stale') });
  if (kind === 'an archived product') await app.putProduct({ ...record, archived: true });
  return record;
}

async function liveProducts(slug: string, fields: Array<Partial<ProductRecord>>): Promise<ProductRecord[]> {
  const stored: ProductRecord[] = [];
  for (const product of fields) {
    stored.push(await app.putProduct({ ...product, id: uniqueId('live'), categories: [slug] }));
  }
  return stored;
}

describe('an entry whose product is archived or gone', () => {
  test.each(STALE_KINDS)(
    'second in a category by PRICE_ASC, 2 a page: every live product is listed once, in order (%s)',
    async (kind) => {
      // Prepare
      const [slug = ''] = await newCategories(app, staff, 1, 'prices');
      const live = await liveProducts(
        slug,
        [100, 300, 400, 500, 600].map((price) => ({ price })),
      );
      const stale = await staleProduct(kind, { price: 200, categories: [slug] });
      await putEntries(app, [entryOf(stale, categoryListing(slug))]);

      // Act
      const walked = await walkCategory(app, slug, { first: 2, sort: 'PRICE_ASC' });

      // Assess
      expect(walked.ids).toEqual(live.map((product) => product.id));
      expect(walked.shape.at(-1)?.[1]).toBe(false);
    },
  );

  test.each(STALE_KINDS)(
    'second by NEWEST with filter { category, minPrice: 0 }, 3 a page: all are listed, hasNextPage exact (%s)',
    async (kind) => {
      // Prepare: created on days 1 to 5; the stale entry between the newest two.
      const [slug = ''] = await newCategories(app, staff, 1, 'newest');
      const live = await liveProducts(
        slug,
        [1, 2, 3, 4, 5].map((day) => ({ createdAt: `2026-01-0${day}T00:00:00.000Z` })),
      );
      const stale = await staleProduct(kind, { createdAt: '2026-01-04T12:00:00.000Z', categories: [slug] });
      await putEntries(app, [entryOf(stale, categoryListing(slug))]);

      // Act
      const walked = await walkProducts(app, {
        first: 3,
        sort: 'NEWEST',
        filter: { category: slug, minPrice: 0 },
      });

      // Assess
      expect(walked.ids).toEqual(live.map((product) => product.id).reverse());
      expect(walked.shape).toEqual([
        [3, true],
        [2, false],
      ]);
    },
  );

  test.each(STALE_KINDS)(
    'eight first in a category, 1 a page: no page makes more calls than priced, and the walk reaches the live product (%s)',
    async (kind) => {
      // Prepare: the stale entries sort first by name.
      const [slug = ''] = await newCategories(app, staff, 1, 'stale-first');
      const [live] = await liveProducts(slug, [{ name: 'Zz Live Product' }]);
      const stale: ProductRecord[] = [];
      for (let index = 1; index <= 8; index += 1) {
        stale.push(await staleProduct(kind, { name: `Aa Stale ${index}`, categories: [slug] }));
      }
      await putEntries(
        app,
        stale.map((product) => entryOf(product, categoryListing(slug))),
      );

      // Act
      const pages: BrowsePage[] = [];
      const costs: Array<{ requested: number; dynamoDbCalls: number }> = [];
      let after: string | null = null;
      for (let read = 0; read < 20 && pages.at(-1)?.pageInfo.hasNextPage !== false; read += 1) {
        const response = await browseCategory(app, slug, { first: 1, after });
        const { requested, dynamoDbCalls } = response.body.extensions?.cost as {
          requested: number;
          dynamoDbCalls: number;
        };
        costs.push({ requested, dynamoDbCalls });
        const page: BrowsePage = dataOf(response).category!.products;
        pages.push(page);
        after = page.pageInfo.endCursor;
      }

      // Assess
      expect(costs.filter(({ requested, dynamoDbCalls }) => dynamoDbCalls > requested)).toEqual([]);
      expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual([live!.id]);
      expect(pages.at(-1)?.pageInfo.hasNextPage).toBe(false);
      // A page cut short goes on: hasNextPage and a cursor after what it read.
      for (const page of pages.slice(0, -1)) {
        expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: expect.any(String) });
      }
    },
  );
});

describe('an entry whose price, category or name no longer match', () => {
  let slug: string;
  let otherSlug: string;
  let repriced: string;
  let moved: string;
  let renamed: string;
  let controls: { cheap: string; shelved: string; zebra: string };

  beforeAll(async () => {
    [slug = '', otherSlug = ''] = await newCategories(app, staff, 2, 'stale-match');
    const product = (name: string, price: number, categories: string[]) =>
      createProduct(app, staff, { id: uniqueId('match'), name, price, stock: 5, categories });
    const created = {
      repriced: await product('Repriced Teapot', 10000, [slug]),
      moved: await product('Moved Teapot', 2500, [slug]),
      renamed: await product('Plain Widget', 2500, [slug]),
    };
    controls = {
      cheap: (await product('Cheap Teapot', 2000, [slug])).id,
      shelved: (await product('Shelved Teapot', 2500, [otherSlug])).id,
      zebra: (await product('Zebra Lamp', 2500, [slug])).id,
    };
    ({
      repriced: { id: repriced },
      moved: { id: moved },
      renamed: { id: renamed },
    } = created);
    const record = (fields: (typeof created)[keyof typeof created]) => productRecord(fields);
    const cheapKeys = { price: 100, priceKey: priceSortKey(100, repriced) };
    await putEntries(app, [
      // Priced 10000, its entries still say 100.
      entryOf(record(created.repriced), categoryListing(slug), cheapKeys),
      entryOf(record(created.repriced), WHOLE_CATALOGUE_LISTING, cheapKeys),
      // Only in `slug`, an entry in the other category.
      entryOf(record(created.moved), categoryListing(slug), {
        listing: categoryListing(otherSlug),
        categories: [otherSlug],
      }),
      // Named "Plain Widget", an entry as if it were named "Zebra".
      entryOf(record(created.renamed), WHOLE_CATALOGUE_LISTING, {
        listing: searchListing('zeb'),
        sortName: nameSortKey('Zebra', renamed),
        searchText: ' zebra',
      }),
    ]);
  });

  // The whole catalogue by NAME reads the products table, not the listing: not among these.
  test.each<{ label: string; sort: ProductSort; filter: () => ProductFilter }>([
    ...SORTS.filter((sort) => sort !== 'NAME').map((sort) => ({
      label: `${sort}, the whole catalogue`,
      sort,
      filter: () => ({ maxPrice: 5000 }),
    })),
    ...SORTS.map((sort) => ({
      label: `${sort}, its category`,
      sort,
      filter: () => ({ category: slug, maxPrice: 5000 }),
    })),
    {
      label: 'PRICE_ASC, its category, from minPrice 50',
      sort: 'PRICE_ASC',
      filter: () => ({ category: slug, minPrice: 50, maxPrice: 5000 }),
    },
  ])(
    'an entry at price 100 of a product priced 10000 is not listed under maxPrice 5000: $label',
    async ({ sort, filter }) => {
      // Act
      const ids = await listing(app, sort, filter());

      // Assess
      expect(ids).toContain(controls.cheap);
      expect(ids).not.toContain(repriced);
    },
  );

  test.each(SORTS)(
    'the same entry is not listed by category(slug).products, %s, maxPrice 5000',
    async (sort) => {
      // Act
      const walked = await walkCategory(app, slug, { first: 2, sort, filter: { maxPrice: 5000 } });

      // Assess
      expect(walked.ids).toContain(controls.cheap);
      expect(walked.ids).not.toContain(repriced);
    },
  );

  test.each(SORTS)('an entry in a category the product left is not listed there, %s', async (sort) => {
    // Act
    const inCategory = await walkCategory(app, otherSlug, { first: 1, sort });
    const filtered = await listing(app, sort, { category: otherSlug });

    // Assess
    expect(inCategory.ids).toEqual([controls.shelved]);
    expect(filtered).toEqual([controls.shelved]);
    expect([...inCategory.ids, ...filtered]).not.toContain(moved);
  });

  test.each(
    SORTS.flatMap((sort) => ['zebra', 'zeb', 'zebra in the category'].map((search) => ({ sort, search }))),
  )(
    'an entry of a name the product no longer has is not found by "$search", $sort',
    async ({ sort, search }) => {
      // Act
      const ids = await listing(
        app,
        sort,
        search === 'zebra in the category' ? { search: 'zebra', category: slug } : { search },
      );

      // Assess
      expect(ids).toEqual([controls.zebra]);
      expect(ids).not.toContain(renamed);
    },
  );
});
