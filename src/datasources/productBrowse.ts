import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../shared/errors';
import { planOf, type ProductQuery } from './browsePlans';
import type { Page, PageRequest, ProductRecord } from './models';
import { decodeCursor, encodeCursor, pick } from './pagedQuery';
import { toProductRecord, type StoredProduct } from './productItems';
import type { ListingEntry } from './productListings';

export type { ProductQuery, ProductSort } from './browsePlans';

/**
 * The DynamoDB calls a page may take. A filter that drops items keeps reading, batch after batch
 * (a Query, and for the listing table a BatchGetItem of its products), up to 8 calls, as
 * schema.graphql prices a filter; without a filter a page is one Query and one BatchGetItem. When
 * the calls run out first, the page is shorter, and its cursor continues after what was read.
 */
const FILTERED_CALLS = 8;
const UNFILTERED_CALLS = 2;
/** Items a filtered batch evaluates: many small listing entries are one cheap read. */
const FILTERED_BATCH = 100;

/** Reads products by id in one BatchGetItem (≤ 100 ids); archived or missing ones as null. */
export type LoadProducts = (ids: readonly string[]) => Promise<Array<ProductRecord | null>>;

/**
 * The one way products are browsed: the plan of the query (browsePlans.ts), then its Queries,
 * reading each item's product when the listing table only points at it, until the page is full,
 * the listing ends or the calls run out. Every cursor is the key of the last item the page
 * covers, kept or dropped, so a page boundary never skips or repeats a product.
 */
export async function browseProducts(
  client: DynamoDBDocumentClient,
  tables: { products: string; productListings: string },
  loadProducts: LoadProducts,
  query: ProductQuery,
  { first, after }: PageRequest,
): Promise<Page<ProductRecord>> {
  const plan = planOf(tables, query);
  const start = after ? decodeCursor(plan.collection, after, plan.cursorFields) : undefined;
  if (start && !plan.validStart(start)) throw new InvalidCursorError();
  const budget = plan.filtered ? FILTERED_CALLS : UNFILTERED_CALLS;
  let calls = 0;
  const edges: Page<ProductRecord>['edges'] = [];
  /** The key of the last item read and decided on: where a shorter page's cursor continues. */
  let covered: Record<string, unknown> | undefined = start;
  let next: Record<string, unknown> | undefined = start && { ...plan.partition, ...start };
  const shorter = (): Page<ProductRecord> => ({
    edges,
    hasNextPage: true,
    ...(covered ? { endCursor: encodeCursor(plan.collection, pick(covered, plan.cursorFields)) } : {}),
  });

  for (;;) {
    if (calls >= budget) return shorter();
    const output = await client.send(
      new QueryCommand({
        ...plan.input,
        ...(next ? { ExclusiveStartKey: next } : {}),
        // One more than the page holds tells whether another page follows.
        Limit: plan.filtered ? FILTERED_BATCH : first - edges.length + 1,
      }),
    );
    calls += 1;
    const items = output.Items ?? [];
    // undefined: not read yet; null: dropped.
    const products: Array<ProductRecord | null | undefined> =
      plan.source === 'products' ? items.map((item) => toProductRecord(item as StoredProduct)) : [];
    for (const [position, item] of items.entries()) {
      // Another product after a full page, as far as the entry tells without reading it.
      if (edges.length === first && !(plan.source === 'listing' && plan.checksStock)) {
        return { edges, hasNextPage: true };
      }
      if (products[position] === undefined && plan.source === 'listing') {
        if (calls >= budget) return shorter();
        // With the stock test, the rest of the batch at once; otherwise what the page still needs.
        const count = plan.checksStock ? items.length - position : first - edges.length;
        const entries = items.slice(position, position + count) as unknown as ListingEntry[];
        const loaded = await loadProducts(entries.map((entry) => entry.productId));
        calls += 1;
        loaded.forEach((product, offset) => {
          products[position + offset] = product && plan.accepts(product) ? product : null;
        });
      }
      const product = products[position];
      if (product && edges.length === first) return { edges, hasNextPage: true };
      covered = item;
      if (product)
        edges.push({ cursor: encodeCursor(plan.collection, pick(item, plan.cursorFields)), node: product });
    }
    next = output.LastEvaluatedKey;
    if (!next) return { edges, hasNextPage: false };
    covered = next;
  }
}
