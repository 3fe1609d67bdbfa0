import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { commentKeyOf, HIDDEN_PREFIX, toCommentRecord, type StoredComment } from './commentKeys';
import type { CommentRecord, Page, ProductRecord, RecentComment, RecentComments } from './models';
import { encodeCursor } from './pagedQuery';

/**
 * How many of a product's newest visible comments its item is sure to carry, so a page of
 * products shows each one's first comments without a comments Query per product (the storefront
 * asks for 3). Bounded because the item is read whole, in every listing.
 *
 * The item's `recentComments` is a map, comment key → comment, that always holds the product's
 * RECENT_COMMENTS newest visible comments, and a few older ones (MAX_ENTRIES in all, plus one per
 * comment written at the same moment, until the next comment trims them):
 *  - a new comment sets its own entry, unconditionally: comments never wait for each other or
 *    for moderation;
 *  - a new comment that would make the map larger than MAX_ENTRIES also removes the entries older
 *    than the RECENT_COMMENTS newest it knows of (those it read, and itself). Whatever it did not
 *    read is newer, so what it removes is never among the newest, provided no moderation put an
 *    entry back in between: that write is conditioned on `moderationVersion`;
 *  - hiding or showing a comment removes or sets its entry and sets the newest visible ones it
 *    read, on the condition that no other moderation came in between (`moderationVersion`).
 */
export const RECENT_COMMENTS = 3;
const MAX_ENTRIES = 2 * RECENT_COMMENTS;
/**
 * The map's hard bound: a comment that only adds its entry requires fewer entries than this, so
 * many comments written at once cannot grow the item without end; one refused reads again and
 * trims.
 */
const HARD_LIMIT = 2 * MAX_ENTRIES;

/**
 * What a comment writer reads of the product: whether it can take a comment, its recent comments
 * (null for an item written before products carried them: it is seeded first), and the
 * moderation version its write is conditioned on.
 */
export interface ProductCommentsState {
  exists: boolean;
  archived: boolean;
  recent: RecentComments | null;
  moderationVersion: number;
}

/** Access pattern: GetItem on products, strongly consistent, projecting what a comment writer needs. */
export async function readCommentsState(
  client: DynamoDBDocumentClient,
  productsTable: string,
  productId: string,
): Promise<ProductCommentsState> {
  const output = await client.send(
    new GetCommand({
      TableName: productsTable,
      Key: { id: productId },
      ConsistentRead: true,
      ProjectionExpression: '#id, #archived, #recent, #version',
      ExpressionAttributeNames: {
        '#id': 'id',
        '#archived': 'archived',
        '#recent': 'recentComments',
        '#version': 'moderationVersion',
      },
    }),
  );
  const item = output.Item as
    { archived?: true; recentComments?: RecentComments; moderationVersion?: number } | undefined;
  return {
    exists: item !== undefined,
    archived: item?.archived === true,
    recent: item?.recentComments ?? null,
    moderationVersion: item?.moderationVersion ?? 0,
  };
}

/**
 * Access pattern: Query the product's visible comments (keys below HIDDEN_PREFIX), newest first,
 * `limit` of them, strongly consistent.
 */
export async function newestVisible(
  client: DynamoDBDocumentClient,
  commentsTable: string,
  productId: string,
  limit: number,
): Promise<CommentRecord[]> {
  const output = await client.send(
    new QueryCommand({
      TableName: commentsTable,
      KeyConditionExpression: '#productId = :productId AND #commentKey < :hidden',
      ExpressionAttributeNames: { '#productId': 'productId', '#commentKey': 'commentKey' },
      ExpressionAttributeValues: { ':productId': productId, ':hidden': HIDDEN_PREFIX },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return ((output.Items ?? []) as StoredComment[]).map(toCommentRecord);
}

/**
 * Gives an item from before products carried recent comments its map, from the comments table.
 * Access pattern: the Query above, then UpdateItem `SET recentComments` if it has none yet (a
 * concurrent writer may have seeded it first: then that map stands). The caller reads again.
 */
export async function seedRecentComments(
  client: DynamoDBDocumentClient,
  tables: { products: string; comments: string },
  productId: string,
): Promise<void> {
  const newest = await newestVisible(client, tables.comments, productId, RECENT_COMMENTS);
  try {
    await client.send(
      new UpdateCommand({
        TableName: tables.products,
        Key: { id: productId },
        UpdateExpression: 'SET #recent = :recent',
        ConditionExpression: 'attribute_exists(#id) AND attribute_not_exists(#recent)',
        ExpressionAttributeNames: { '#id': 'id', '#recent': 'recentComments' },
        ExpressionAttributeValues: { ':recent': Object.fromEntries(newest.map(entryOf)) },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** What a write does to `recentComments`, as parts of the product's UpdateItem. */
export interface RecentCommentsChange {
  /** Clauses of the `SET` and `REMOVE` actions (either may be empty). */
  set: string[];
  remove: string[];
  /** Holds when the map exists and no moderation wrote since it was read. */
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** A new comment: its entry set, and the entries older than the newest it knows of removed. */
export function commentAdded(
  state: ProductCommentsState & { recent: RecentComments },
  comment: CommentRecord,
) {
  const known = [...Object.values(state.recent), comment];
  if (known.length <= MAX_ENTRIES) {
    return change(null, { set: [comment], remove: [], bumpVersion: false, sizeBelow: HARD_LIMIT });
  }
  // Never its own entry, even when other instances' clocks dated newer comments (DynamoDB refuses
  // an update that sets and removes one path).
  const older = newestFirst(known)
    .slice(RECENT_COMMENTS)
    .filter((old) => old.id !== comment.id);
  return change(state.moderationVersion, { set: [comment], remove: older, bumpVersion: false });
}

/**
 * A moderation: `removed` out of the map (a comment being hidden), the newest visible comments
 * after the move (`newest`) in it, and the moderation version moved on.
 */
export function commentsModerated(
  state: ProductCommentsState & { recent: RecentComments },
  { newest, removed, shown }: { newest: RecentComment[]; removed?: RecentComment; shown?: RecentComment },
) {
  // Read before another moderation's write, `newest` may hold the moved comment twice.
  const unique = [...new Map(newest.map((comment) => [comment.id, comment])).values()];
  const set = newestFirst(unique).slice(0, RECENT_COMMENTS);
  // A comment shown again always gets its entry, even when older than the newest: a later
  // moderation then need not find it in a Query to keep the map whole.
  if (shown && !set.some((comment) => comment.id === shown.id)) set.push(shown);
  return change(state.moderationVersion, {
    set,
    remove: removed ? [removed] : [],
    bumpVersion: true,
  });
}

/** `readVersion` null: not conditioned on moderation (only adds entries). */
function change(
  readVersion: number | null,
  {
    set,
    remove,
    bumpVersion,
    sizeBelow,
  }: { set: RecentComment[]; remove: RecentComment[]; bumpVersion: boolean; sizeBelow?: number },
): RecentCommentsChange {
  const names: Record<string, string> = { '#recent': 'recentComments', '#moderation': 'moderationVersion' };
  const values: Record<string, unknown> = readVersion ? { ':readModeration': readVersion } : {};
  const path = (comment: RecentComment, index: number, kind: string) => {
    names[`#${kind}${index}`] = commentKeyOf(comment, false);
    return `#recent.#${kind}${index}`;
  };
  const setClauses = set.map((comment, index) => {
    values[`:set${index}`] = withoutProduct(comment);
    return `${path(comment, index, 'set')} = :set${index}`;
  });
  if (bumpVersion) {
    setClauses.push('#moderation = :nextModeration');
    values[':nextModeration'] = (readVersion ?? 0) + 1;
  }
  const unmoderated =
    readVersion === null
      ? ''
      : readVersion === 0
        ? ' AND attribute_not_exists(#moderation)'
        : ' AND #moderation = :readModeration';
  if (readVersion === null && !bumpVersion) delete names['#moderation'];
  if (sizeBelow) values[':sizeBelow'] = sizeBelow;
  return {
    set: setClauses,
    remove: remove.map((comment, index) => path(comment, index, 'remove')),
    condition: `attribute_exists(#recent)${unmoderated}${sizeBelow ? ' AND size(#recent) < :sizeBelow' : ''}`,
    names,
    values,
  };
}

/** `ADD` clauses followed by the change's `SET` and `REMOVE` actions: one UpdateExpression. */
export function withRecentComments(add: string, { set, remove }: RecentCommentsChange): string {
  return [
    add,
    set.length > 0 ? `SET ${set.join(', ')}` : '',
    remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export type CommentedProduct = Pick<ProductRecord, 'id' | 'recentComments' | 'commentCount'>;

/**
 * The first page of a product's comments from its item, when the item carries enough of them:
 * the same nodes and cursors a Query would give (so `after` continues exactly), and
 * `hasNextPage` from `commentCount`, which counts the visible comments in the same writes.
 * Null when the page needs the comments table.
 */
export function recentPage(product: CommentedProduct, first: number): Page<CommentRecord> | null {
  if (!product.recentComments || first > RECENT_COMMENTS) return null;
  return {
    edges: newestFirst(Object.values(product.recentComments))
      .slice(0, first)
      .map((recent) => ({
        cursor: encodeCursor('comment', { commentKey: commentKeyOf(recent, false) }),
        node: { ...recent, productId: product.id },
      })),
    hasNextPage: product.commentCount > first,
  };
}

function entryOf(comment: CommentRecord): [string, RecentComment] {
  return [commentKeyOf(comment, false), withoutProduct(comment)];
}

/** An entry as the item stores it: its product is the item itself. */
function withoutProduct({
  productId: _productId,
  ...recent
}: RecentComment & { productId?: string }): RecentComment {
  return recent;
}

function newestFirst<T extends RecentComment>(comments: readonly T[]): T[] {
  return [...comments].sort((a, b) => {
    const [keyA, keyB] = [commentKeyOf(a, false), commentKeyOf(b, false)];
    return keyA < keyB ? 1 : keyA > keyB ? -1 : 0;
  });
}
