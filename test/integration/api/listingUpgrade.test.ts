import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { listingEntriesOf } from '../../../src/datasources/productListings';
import { toProductRecord, type StoredProduct } from '../../../src/datasources/productItems';
import { createProduct, newCategories, updateProduct } from '../../support/browseCatalogue';
import { categoryOf, listing, SORTS, walkCategory, walkProducts } from '../../support/browseQueries';
import { staffMember, useTestApp } from '../../support/fixtures';
import { entriesOf, putLegacyProduct } from '../../support/listingItems';
import { uniqueId } from '../../support/storeApi';

/**
 * The listing entries a product gets. A stage upgraded from a version before categories
 * (docs/deployment.md, "Upgrading a stage that holds data") has products with no listing entries,
 * no `listingVersion`, no `categories` and no `createdAt`: staff's `updateProduct(id, { categories:
 * [] })`, sent for each product found by a walk of `products(includeArchived: true)`, indexes it,
 * and from then on every listing finds it. A name of more words than the 30 search prefixes cover
 * is found by its first words only, whichever word of a search picks the listing read.
 */
const app = useTestApp({ products: [{ id: uniqueId('current'), name: 'Current Kettle', price: 500 }] });
let staff: string;

beforeAll(() => {
  staff = staffMember(app).token;
});

async function storedProduct(id: string): Promise<StoredProduct> {
  const { Item } = await app.db.send(
    new GetCommand({ TableName: app.tables.products, Key: { id }, ConsistentRead: true }),
  );
  return Item as StoredProduct;
}

/** The entries a product has, as listingEntriesOf makes them from the product stored now. */
async function expectedEntriesOf(id: string) {
  return listingEntriesOf(toProductRecord(await storedProduct(id))).sort((a, b) =>
    a.listing.localeCompare(b.listing),
  );
}

describe('a product an older version wrote', () => {
  test('is found by the documented walk, and updateProduct(categories: []) writes every listing entry it lacks', async () => {
    // Prepare
    const id = uniqueId('legacy');
    await putLegacyProduct(app, { id, name: 'Weathered Lantern', price: 1234, stock: 4 });
    const staffWalk = await walkProducts(app, { first: 100, includeArchived: true }, staff);
    expect(staffWalk.ids).toContain(id);
    expect(await entriesOf(app, id)).toEqual([]);
    expect(await listing(app, 'PRICE_ASC')).not.toContain(id);

    // Act
    const updated = await updateProduct(app, staff, id, { categories: [] });

    // Assess
    expect(updated).toMatchObject({ id, name: 'Weathered Lantern', price: 1234, categories: [] });
    const entries = await entriesOf(app, id);
    expect(entries).toEqual(await expectedEntriesOf(id));
    expect(entries.map((entry) => entry.listing)).toEqual(
      expect.arrayContaining(['all', 'search#w', 'search#wea', 'search#l', 'search#lan']),
    );
    expect((await storedProduct(id)).listingVersion).toBe(1);
  });

  test('once indexed, is listed by price, found by a word of its name, oldest by NEWEST, then in the category it joins', async () => {
    // Prepare
    const id = uniqueId('legacy');
    await putLegacyProduct(app, { id, name: 'Brass Sextant', price: 4321, stock: 2 });
    const [slug = ''] = await newCategories(app, staff, 1, 'x');

    // Act
    await updateProduct(app, staff, id, { categories: [] });

    // Assess
    expect(await listing(app, 'PRICE_ASC')).toContain(id);
    expect(await listing(app, 'PRICE_DESC', { maxPrice: 5000 })).toContain(id);
    expect(await listing(app, 'PRICE_ASC', { search: 'sextant' })).toEqual([id]);
    expect(await listing(app, 'NAME', { search: 'bra sext' })).toEqual([id]);
    // Undated: it sorts with the other undated products as the oldest, after every dated one.
    const newest = await listing(app, 'NEWEST');
    const undated = newest.filter((listed) => listed.startsWith('legacy-'));
    expect(undated).toContain(id);
    expect(newest.slice(-undated.length)).toEqual(undated);

    // Act: it joins a category.
    await updateProduct(app, staff, id, { categories: [slug] });

    // Assess
    expect((await walkCategory(app, slug, { first: 10, sort: 'PRICE_ASC' })).ids).toEqual([id]);
    expect(await listing(app, 'NAME', { category: slug, search: 'sextant' })).toEqual([id]);
    expect(await categoryOf(app, slug)).toMatchObject({ slug, productCount: 1 });
    expect(await entriesOf(app, id)).toEqual(await expectedEntriesOf(id));
  });
});

describe('a name of more words than search indexes', () => {
  const NAME = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima';
  let id: string;

  beforeAll(async () => {
    // Each word brings 3 prefixes of its own: the first ten fill the 30.
    id = (
      await createProduct(app, staff, {
        id: uniqueId('phonetic'),
        name: NAME,
        price: 700,
        stock: 1,
        categories: [],
      })
    ).id;
  });

  test.each(['alpha', 'alpha bravo', 'juliet', 'jul alpha', 'charlie india'])(
    '"%s", words among the first ten, finds it in every order',
    async (search) => {
      for (const sort of SORTS) {
        // Act
        const ids = await listing(app, sort, { search });

        // Assess
        expect({ sort, ids }).toEqual({ sort, ids: [id] });
      }
    },
  );

  test.each(['kilo', 'lima', 'alpha kilo', 'kilo alpha', 'juliet kilo', 'alpha bravo lima', 'alp lim'])(
    '"%s", with a word beyond the indexed ones, finds nothing in any order',
    async (search) => {
      for (const sort of SORTS) {
        // Act
        const ids = await listing(app, sort, { search });

        // Assess
        expect({ sort, ids }).toEqual({ sort, ids: [] });
      }
    },
  );
});
