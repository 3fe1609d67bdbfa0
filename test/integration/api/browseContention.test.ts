import { createCategories, createProduct } from '../../support/browseCatalogue';
import {
  ARCHIVE_BROWSE_PRODUCT,
  categoriesOf,
  CREATE_BROWSE_PRODUCT,
  REORDER_CATEGORIES,
  UPDATE_BROWSE_PRODUCT,
  type CategoryView,
} from '../../support/browseQueries';
import type { GraphQLRequest } from '../../support/events';
import { staffMember, useTestApp } from '../../support/fixtures';
import { refuseEveryTransaction } from '../../support/listingItems';
import { dataOf, uniqueId } from '../../support/storeApi';

/**
 * The staff's writes that are one transaction (a product's listed fields with its entries and
 * counters, the categories' order) under contention DynamoDB does not let up: every
 * TransactWriteItems cancelled with TransactionConflict, as while checkouts hold the items. Each is
 * retried, then answered a retryable CONFLICT, never INTERNAL_SERVER_ERROR, and writes nothing.
 */
const app = useTestApp();
/** A store with no category at all. */
const emptyStore = useTestApp();
let staff: string;
let slugs: string[];

beforeAll(async () => {
  staff = staffMember(app).token;
  const created = await createCategories(app, staff, [
    { slug: 'hall', name: 'Hall' },
    { slug: 'porch', name: 'Porch' },
  ]);
  slugs = created.map((category) => category.slug);
});

afterEach(() => jest.restoreAllMocks());

describe('under contention that outlasts the retries', () => {
  test.each<{ operation: string; request: (id: string) => GraphQLRequest }>([
    {
      operation: 'updateProduct(price)',
      request: (id) => ({ query: UPDATE_BROWSE_PRODUCT, variables: { id, input: { price: 1500 } } }),
    },
    {
      operation: 'updateProduct(categories)',
      request: (id) => ({
        query: UPDATE_BROWSE_PRODUCT,
        variables: { id, input: { categories: ['porch'] } },
      }),
    },
    {
      operation: 'createProduct',
      request: (id) => ({
        query: CREATE_BROWSE_PRODUCT,
        variables: {
          input: { id: `${id}-twin`, name: 'Busy Twin', code: 'TWIN', price: 900, categories: ['hall'] },
        },
      }),
    },
    {
      operation: 'archiveProduct',
      request: (id) => ({ query: ARCHIVE_BROWSE_PRODUCT, variables: { id } }),
    },
  ])('$operation answers a retryable CONFLICT and changes nothing', async ({ request }) => {
    // Prepare
    const product = await createProduct(app, staff, {
      id: uniqueId('busy'),
      name: 'Busy Lamp',
      price: 1000,
      stock: 3,
      categories: ['hall'],
    });
    const before = await app.snapshot();
    const refused = refuseEveryTransaction();

    // Act
    const response = await app.graphql(request(product.id), { token: staff });

    // Assess
    expect(refused()).toBeGreaterThan(1);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT', retryable: true }) }),
    ]);
    jest.restoreAllMocks();
    expect(await app.snapshot()).toEqual(before);
  });

  test('reorderCategories answers a retryable CONFLICT and changes nothing', async () => {
    // Prepare
    const before = await app.snapshot();
    const refused = refuseEveryTransaction();

    // Act
    const response = await app.graphql(
      { query: REORDER_CATEGORIES, variables: { slugs: [...slugs].reverse() } },
      { token: staff },
    );

    // Assess
    expect(refused()).toBeGreaterThan(1);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT', retryable: true }) }),
    ]);
    jest.restoreAllMocks();
    expect(await app.snapshot()).toEqual(before);
    expect((await categoriesOf(app)).map((category) => category.slug)).toEqual(slugs);
  });
});

describe('reorderCategories on a store with no category', () => {
  test('of no slug answers [] and writes nothing', async () => {
    // Prepare
    const token = staffMember(emptyStore).token;
    const before = await emptyStore.snapshot();

    // Act
    const response = await emptyStore.graphql<{ reorderCategories: CategoryView[] }>(
      { query: REORDER_CATEGORIES, variables: { slugs: [] } },
      { token },
    );

    // Assess
    expect(dataOf(response).reorderCategories).toEqual([]);
    expect(await emptyStore.snapshot()).toEqual(before);
    expect(await categoriesOf(emptyStore)).toEqual([]);
  });
});
