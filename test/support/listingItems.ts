import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { foldText } from '../../src/datasources/listingKeys';
import type { ProductRecord } from '../../src/datasources/models';
import { listingEntriesOf, type ListingEntry } from '../../src/datasources/productListings';
import { LIVE_CATALOGUE } from '../../src/datasources/productItems';
import type { TestApp } from './testApp';

/**
 * The listing table and the products table as the suites about their consistency write them
 * directly: stale listing entries (what a change in flight, or a bug, leaves behind), products as an
 * older version stored them, and DynamoDB refusing every transaction as under heavy contention.
 */

export { productRecord } from './testApp';

/**
 * The entries a live `product` has in `listing` (productListings.ts `listingEntriesOf`), with
 * `changes` applied: archived or not, the product is listed as if it were live.
 */
export function entryOf(
  product: ProductRecord,
  listing: string,
  changes: Partial<ListingEntry> = {},
): ListingEntry {
  const entry = listingEntriesOf({ ...product, archived: false }).find(
    (candidate) => candidate.listing === listing,
  );
  if (!entry) throw new Error(`${product.id} has no entry in ${listing}`);
  return { ...entry, ...changes };
}

/** Writes entries into the listing table as they are, bypassing the transactions that keep it. */
export async function putEntries(app: TestApp, entries: ListingEntry[]): Promise<void> {
  for (const entry of entries) {
    await app.db.send(new PutCommand({ TableName: app.tables.productListings, Item: entry }));
  }
}

/** Every entry of the listing table that points at `productId`, sorted by listing. */
export async function entriesOf(app: TestApp, productId: string): Promise<Array<Record<string, unknown>>> {
  const items = await app.scan('productListings');
  return items
    .filter((item) => item.productId === productId)
    .sort((a, b) => String(a.listing).localeCompare(String(b.listing)));
}

/**
 * A product as a version from before the listing table stored it: no `listingVersion`,
 * `categories` or `createdAt`, `sortName` the bare folded name, and no listing entry.
 */
export async function putLegacyProduct(
  app: TestApp,
  { id, name, price, stock }: { id: string; name: string; price: number; stock: number },
): Promise<void> {
  await app.db.send(
    new PutCommand({
      TableName: app.tables.products,
      Item: {
        id,
        name,
        code: id.toUpperCase(),
        description: `${name}, as sold before categories`,
        price,
        stock,
        commentCount: 0,
        ratingSum: 0,
        ratingCount: 0,
        catalogue: LIVE_CATALOGUE,
        sortName: foldText(name),
      },
    }),
  );
}

/**
 * From now until jest.restoreAllMocks(): every TransactWriteItems is cancelled with
 * TransactionConflict on each of its items, as DynamoDB answers while other transactions hold them.
 * Returns the count of transactions refused so far.
 */
export function refuseEveryTransaction(): () => number {
  const send = DynamoDBDocumentClient.prototype.send;
  let refused = 0;
  jest.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(function (
    this: DynamoDBDocumentClient,
    ...args: Parameters<typeof send>
  ) {
    const [command] = args;
    if (command instanceof TransactWriteCommand) {
      refused += 1;
      return Promise.reject(
        new TransactionCanceledException({
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
          $metadata: {},
          CancellationReasons: (command.input.TransactItems ?? []).map(() => ({
            Code: 'TransactionConflict',
          })),
        }),
      );
    }
    return send.apply(this, args);
  } as typeof send);
  return () => refused;
}
