import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../shared/errors';
import { isStorableKey } from './keys';
import type { Page, PageRequest } from './models';

/**
 * Cursors are opaque to clients: base64url JSON of the DynamoDB key a page continues after,
 * tagged with the collection it belongs to so a comment cursor cannot be replayed on products.
 * Decoding checks the exact shape and key sizes, so garbage never reaches DynamoDB as an
 * ExclusiveStartKey.
 */
export function encodeCursor(collection: string, key: Readonly<Record<string, string>>): string {
  return Buffer.from(JSON.stringify({ c: collection, k: key })).toString('base64url');
}

export function decodeCursor<F extends string>(
  collection: string,
  cursor: string,
  fields: readonly F[],
): Record<F, string> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!isRecord(decoded) || decoded.c !== collection || !isRecord(decoded.k)) {
    throw new InvalidCursorError();
  }
  const key = decoded.k;
  const names = Object.keys(key);
  const wellFormed =
    names.length === fields.length &&
    fields.every((field) => {
      const value = key[field];
      return typeof value === 'string' && isStorableKey(value);
    });
  if (!wellFormed) throw new InvalidCursorError();
  // Checked just above: exactly `fields`, each a storable string.
  return key as Record<F, string>;
}

/** The collection a cursor was issued for, or null for anything this API did not issue. */
export function cursorCollection(cursor: string): string | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return isRecord(decoded) && typeof decoded.c === 'string' ? decoded.c : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface PagedQuery<Item, Node> {
  /** Tags the cursors, so a cursor of one collection is refused by another. */
  collection: string;
  /**
   * The Query, without paging: the table or index, the key condition and its names and values,
   * the direction and consistency.
   */
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  /**
   * The key attributes of the partition being read, which every item of the page shares; with
   * the cursor's own fields they make the ExclusiveStartKey (for an index: the index's and the
   * table's key attributes).
   */
  partition: Readonly<Record<string, string>>;
  /** The attributes besides `partition` that locate an item in the order read. */
  cursorFields: ReadonlyArray<keyof Item & string>;
  /**
   * For a Query whose key condition reads a range of the partition: whether a cursor's key lies
   * in it. DynamoDB refuses an ExclusiveStartKey outside the range, so a forged one must be
   * refused here, as an invalid cursor.
   */
  inRange?: (start: Record<string, string>) => boolean;
  toNode: (item: Item) => Node;
}

/**
 * The one way a connection page is read: one Query of `first + 1` items (the extra one tells
 * whether another page exists, without a second request), continuing after the item the cursor
 * names. Cursors hold exactly the key that continues the Query, so a page boundary never skips or
 * repeats an item.
 */
export async function queryPage<Item, Node>(
  client: DynamoDBDocumentClient,
  { collection, input, partition, cursorFields, inRange, toNode }: PagedQuery<Item, Node>,
  { first, after }: PageRequest,
): Promise<Page<Node>> {
  const start = after ? decodeCursor(collection, after, cursorFields) : undefined;
  if (start && inRange && !inRange(start)) throw new InvalidCursorError();
  // The table or index the input names holds items of this shape (the store's own layout).
  const items = await queryAtLeast<Item>(client, input, start && { ...partition, ...start }, first + 1);
  return {
    edges: items.slice(0, first).map((item) => ({
      cursor: encodeCursor(collection, pick(item, cursorFields)),
      node: toNode(item),
    })),
    hasNextPage: items.length > first,
  };
}

/** The cursor fields of an item, as a cursor holds them. */
export function pick<Item>(item: Item, fields: ReadonlyArray<keyof Item & string>): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(item[field])]));
}

/**
 * Up to `count` items of the Query, from `exclusiveStartKey` on. DynamoDB stops a Query at 1 MB of
 * items whatever its Limit, so a page of large items (long descriptions, big orders) may take
 * several calls; stopping at the first would end the list early or skip what the next page needs.
 */
export async function queryAtLeast<Item>(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  exclusiveStartKey: Record<string, unknown> | undefined,
  count: number,
): Promise<Item[]> {
  const items: Item[] = [];
  let next = exclusiveStartKey;
  do {
    const output = await client.send(
      new QueryCommand({
        ...input,
        ...(next ? { ExclusiveStartKey: next } : {}),
        Limit: count - items.length,
      }),
    );
    items.push(...((output.Items ?? []) as Item[]));
    next = output.LastEvaluatedKey;
  } while (next && items.length < count);
  return items;
}
