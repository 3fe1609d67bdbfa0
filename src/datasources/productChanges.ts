import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { categoryCountWrites, categoryOfWrite } from './categoryItems';
import type { ProductRecord } from './models';
import { listingWrites } from './productListings';
import { ARCHIVED_CATALOGUE, LIVE_CATALOGUE, type StoredProduct } from './productItems';
import { clientError, ErrorCode } from '../shared/errors';
import {
  cancellationCodes,
  isTransientError,
  sendRetryingContention,
  type TransactItem,
} from './transactions';
import type { TableNames } from './tableDefinitions';

/** The tables a change of a product's name, price, categories or archiving writes. */
export type CatalogueTables = Pick<TableNames, 'products' | 'productListings' | 'categories'>;

/** Fields to change; absent ones stay, `null` removes `description` or `image`. */
export interface ProductChanges {
  name?: string;
  description?: string | null;
  image?: string | null;
  code?: string;
  price?: number;
  categories?: string[];
}

/** What a product change did: only `written` wrote anything. */
export type ProductChangeOutcome =
  | { outcome: 'written' }
  /** The product item's own condition failed: its id is taken, it is gone, or another change won. */
  | { outcome: 'productMoved' }
  | { outcome: 'unknownCategory'; slug: string };

/**
 * One transaction: the product item's own write (first), and the listing entries and category
 * counters that follow from `before` → `after`. Together they hold together: a listing never
 * shows a name, price or category the product does not have. At most 1 + 2 × 36 + 10 items, within
 * the 100 a transaction takes.
 */
export async function sendProductChange(
  client: DynamoDBDocumentClient,
  tables: CatalogueTables,
  productWrite: TransactItem,
  before: ProductRecord | null,
  after: ProductRecord | null,
  /** What the listing table holds of it: `before`, unless no listed change ever wrote it. */
  listedBefore: ProductRecord | null = before,
): Promise<ProductChangeOutcome> {
  const items = [
    productWrite,
    ...listingWrites(tables.productListings, listedBefore, after),
    ...categoryCountWrites(tables.categories, before, after),
  ];
  try {
    await sendRetryingContention(client, new TransactWriteCommand({ TransactItems: items }));
    return { outcome: 'written' };
  } catch (error) {
    const codes = cancellationCodes(error);
    const failed = codes?.findIndex((code) => code === 'ConditionalCheckFailed') ?? -1;
    if (failed === 0) return { outcome: 'productMoved' };
    const slug = failed > 0 ? categoryOfWrite(items[failed]!, tables.categories) : null;
    if (slug !== null) return { outcome: 'unknownCategory', slug };
    // Still contended after the retries: checkouts or other staff changes hold the product or a
    // category's counters. The client may try again; nothing was written.
    if (codes || isTransientError(error)) {
      throw clientError(ErrorCode.Conflict, 'Other writes kept this product busy; try again', {
        retryable: true,
      });
    }
    throw error;
  }
}

/** Access pattern: GetItem by `id`, strongly consistent: the state a change is computed from. */
export async function readStoredProduct(
  client: DynamoDBDocumentClient,
  tableName: string,
  id: string,
): Promise<StoredProduct | null> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: { id }, ConsistentRead: true }),
  );
  return (Item as StoredProduct | undefined) ?? null;
}

/**
 * The condition that no other change of the listing's fields came between the read and this
 * write: the version read is still there (none at all on an item no such change wrote yet, whose
 * entries do not exist: it was written before the listing table was).
 */
export function sameListingVersion(read: StoredProduct): {
  condition: string;
  names: Record<string, string>;
  values: Record<string, number>;
  next: number;
  /** The product as the listing table holds it: nothing for an item never listed. */
  listed: (product: ProductRecord) => ProductRecord | null;
} {
  const version = read.listingVersion ?? 0;
  return {
    listed: (product) => (version === 0 ? null : product),
    condition:
      version === 0 ? 'attribute_not_exists(#listingVersion)' : '#listingVersion = :readListingVersion',
    names: { '#listingVersion': 'listingVersion' },
    values: version === 0 ? {} : { ':readListingVersion': version },
    next: version + 1,
  };
}

/** The fields the item stores for a change, and the archived state's own attributes. */
type StoredChange = ProductChanges & { sortName?: string; archived?: boolean };

/**
 * SET for each given field, REMOVE for each `null` one; `archived` moves the item between the
 * listing partitions of `byName` (productItems.ts). `extra` fields are set as given.
 */
export function updateOf(
  changes: StoredChange,
  extra: Record<string, unknown> = {},
): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  const assign = (field: string, value: unknown) => {
    names[`#${field}`] = field;
    if (value === null) {
      remove.push(`#${field}`);
    } else {
      values[`:${field}`] = value;
      set.push(`#${field} = :${field}`);
    }
  };
  const { archived, ...fields } = changes;
  for (const [field, value] of Object.entries({ ...fields, ...extra })) {
    if (value !== undefined) assign(field, value);
  }
  if (archived !== undefined) {
    assign('catalogue', archived ? ARCHIVED_CATALOGUE : LIVE_CATALOGUE);
    assign('archived', archived ? true : null);
  }
  const expression = [
    set.length > 0 ? `SET ${set.join(', ')}` : '',
    remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
  ].join(' ');
  return {
    UpdateExpression: expression.trim(),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** A change applied to a record: `null` removes the field. */
export function withoutNulls(changes: ProductChanges): Partial<ProductRecord> {
  const applied: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value !== undefined) applied[field] = value ?? undefined;
  }
  return applied as Partial<ProductRecord>;
}
