import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { clientError, ErrorCode } from '../shared/errors';
import { retry, RETRY, type RetryClock } from '../shared/retry';
import { commentKeyOf, HIDDEN_PREFIX, toCommentRecord, type StoredComment } from './commentKeys';
import { isStorableKey } from './keys';
import type { CommentRecord, Page, PageRequest, RatingRecord, RecentComments } from './models';
import { queryPage } from './pagedQuery';
import { ratingChange, readRating } from './ratingItems';
import {
  commentsModerated,
  newestVisible,
  readCommentsState,
  RECENT_COMMENTS,
  seedRecentComments,
  withRecentComments,
  type ProductCommentsState,
} from './recentComments';
import type { TableNames } from './tableDefinitions';
import {
  cancellationCodes,
  isTransientCancellationReason,
  isTransientError,
  type TransactItem,
} from './transactions';

/** Every table a moderation's transaction writes. */
export type ModerationTables = Pick<TableNames, 'comments' | 'products' | 'ratings'>;

const BY_ID_INDEX = 'byId';

/**
 * How long a moderation keeps reading and writing while it loses to other writes of the same
 * product (a new comment, another moderator): each lost round had a winner, so it ends soon unless
 * the product is commented on by very many at once (then a retryable CONFLICT).
 */
const CONTENTION_BUDGET_MS = 6000;
const MAX_ATTEMPTS = 20;

/**
 * Staff's moderation of comments. Hiding moves the comment's item behind HIDDEN_PREFIX in its
 * product's partition (commentKeys.ts), out of the shoppers' list (and out of the product item's
 * recent comments, recentComments.ts), and takes its rating out of the product's average; unhiding moves it back and restores the rating unless a newer rating of the
 * same author counts now. Each is one transaction over comments, products and ratings, so the
 * product's `commentCount`, `ratingSum` and `ratingCount` stay exactly the visible comments and
 * the ratings table's items under any concurrency (the item moves and the rating change are
 * conditioned on what was read).
 */
export class CommentModerationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: ModerationTables,
    private readonly retryClock?: RetryClock,
  ) {}

  /** The comment, hidden or not, as it now is; null when no comment has the id. */
  async setHidden(id: string, hidden: boolean): Promise<CommentRecord | null> {
    const key = await this.findKey(id);
    if (!key) return null;
    return retry(
      async () => {
        const current = await this.read(key.productId, key.commentKey);
        if (!current) return null;
        if ((current.hidden === true) === hidden) return toCommentRecord(current);
        const [rating, product] = await Promise.all([
          current.rating === undefined
            ? null
            : readRating(this.client, this.tables.ratings, current.productId, current.authorId),
          readCommentsState(this.client, this.tables.products, current.productId),
        ]);
        // Read after the moderation version, never before: a moderation that commits between the
        // two reads shows in the comments and moves the version, so the write's condition on the
        // version read fails rather than trusting comments read before it. One more than the item
        // keeps, so that hiding one of them leaves enough.
        const visible = await newestVisible(
          this.client,
          this.tables.comments,
          current.productId,
          RECENT_COMMENTS + 1,
        );
        if (!product.recent) {
          await seedRecentComments(this.client, this.tables, current.productId);
          return RETRY;
        }
        return (
          (await this.move(current, hidden, {
            rating,
            product: { ...product, recent: product.recent },
            visible,
          })) ?? RETRY
        );
      },
      {
        budgetMs: CONTENTION_BUDGET_MS,
        // Each attempt is about six DynamoDB calls: the request's call budget must outlast the loop.
        maxAttempts: MAX_ATTEMPTS,
        baseMs: 10,
        capMs: 100,
        exhausted: () =>
          clientError(ErrorCode.Conflict, 'The comment kept changing; try again', { retryable: true }),
      },
      this.retryClock,
    );
  }

  /** Access pattern: one product's hidden comments, newest first, after the cursor's sort key. */
  listHidden(productId: string, page: PageRequest): Promise<Page<CommentRecord>> {
    return queryPage(
      this.client,
      {
        collection: 'hiddenComment',
        input: {
          TableName: this.tables.comments,
          KeyConditionExpression: '#productId = :productId AND begins_with(#commentKey, :hidden)',
          ExpressionAttributeNames: { '#productId': 'productId', '#commentKey': 'commentKey' },
          ExpressionAttributeValues: { ':productId': productId, ':hidden': HIDDEN_PREFIX },
          ScanIndexForward: false,
        },
        partition: { productId },
        cursorFields: ['commentKey'],
        inRange: ({ commentKey = '' }) => commentKey.startsWith(HIDDEN_PREFIX),
        toNode: toCommentRecord,
      },
      page,
    );
  }

  /**
   * Access pattern: Query the comments' `byId` index (keys only) for the comment's key. The
   * index is eventually consistent, so the key may be the one before a move: `read` looks at both.
   */
  private async findKey(id: string): Promise<{ productId: string; commentKey: string } | null> {
    if (!isStorableKey(id)) return null;
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.tables.comments,
        IndexName: BY_ID_INDEX,
        KeyConditionExpression: '#id = :id',
        ExpressionAttributeNames: { '#id': 'id' },
        ExpressionAttributeValues: { ':id': id },
        Limit: 1,
      }),
    );
    const item = output.Items?.[0] as Pick<StoredComment, 'productId' | 'commentKey'> | undefined;
    return item ? { productId: item.productId, commentKey: item.commentKey } : null;
  }

  /** Access pattern: two strongly consistent GetItems in parallel, the visible and the hidden key. */
  private async read(productId: string, commentKey: string): Promise<StoredComment | null> {
    const visibleKey = commentKey.startsWith(HIDDEN_PREFIX)
      ? commentKey.slice(HIDDEN_PREFIX.length)
      : commentKey;
    const [visible, hidden] = await Promise.all(
      [visibleKey, HIDDEN_PREFIX + visibleKey].map(async (key) => {
        const output = await this.client.send(
          new GetCommand({
            TableName: this.tables.comments,
            Key: { productId, commentKey: key },
            ConsistentRead: true,
          }),
        );
        return (output.Item as StoredComment | undefined) ?? null;
      }),
    );
    return visible ?? hidden ?? null;
  }

  /**
   * Access pattern: one TransactWriteItems of
   * - comments: Delete of the item at its current key, if it is there; Put at its other key, if free;
   * - products: Update `ADD commentCount ±1` and the rating's change to `ratingSum`, `ratingCount`;
   * - ratings (rated comments only): the author's rating removed (hiding the comment that gave
   *   it), put back or replaced (unhiding a comment newer than the one that counts), or checked
   *   unchanged; every case conditioned on the `commentId` read.
   * Returns null when anything moved since it was read: nothing was written.
   */
  private async move(
    current: StoredComment,
    hidden: boolean,
    { rating, product, visible }: MoveReads,
  ): Promise<CommentRecord | null> {
    const { hidden: _wasHidden, ...rest } = toCommentRecord(current);
    const moved: CommentRecord = hidden ? { ...rest, hidden: true } : rest;
    const change = ratingChange(this.tables.ratings, moved, hidden, rating);
    const recent = commentsModerated(
      product,
      hidden
        ? { newest: visible.filter((comment) => comment.id !== moved.id), removed: moved }
        : { newest: [...visible, moved], shown: moved },
    );
    const items: TransactItem[] = [
      {
        Delete: {
          TableName: this.tables.comments,
          Key: { productId: current.productId, commentKey: current.commentKey },
          ConditionExpression: 'attribute_exists(#commentKey)',
          ExpressionAttributeNames: { '#commentKey': 'commentKey' },
        },
      },
      {
        Put: {
          TableName: this.tables.comments,
          Item: { ...moved, commentKey: commentKeyOf(moved, hidden) },
          ConditionExpression: 'attribute_not_exists(#commentKey)',
          ExpressionAttributeNames: { '#commentKey': 'commentKey' },
        },
      },
      {
        Update: {
          TableName: this.tables.products,
          Key: { id: current.productId },
          ConditionExpression: `attribute_exists(#id) AND ${recent.condition}`,
          UpdateExpression: withRecentComments(
            'ADD #commentCount :comments, #ratingSum :sum, #ratingCount :raters',
            recent,
          ),
          ExpressionAttributeNames: {
            '#id': 'id',
            '#commentCount': 'commentCount',
            '#ratingSum': 'ratingSum',
            '#ratingCount': 'ratingCount',
            ...recent.names,
          },
          ExpressionAttributeValues: {
            ':comments': hidden ? -1 : 1,
            ':sum': change.sum,
            ':raters': change.raters,
            ...recent.values,
          },
        },
      },
      ...(change.item ? [change.item] : []),
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return moved;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.includes('ConditionalCheckFailed') || codes?.some(isTransientCancellationReason))
        return null;
      if (isTransientError(error)) return null;
      throw error;
    }
  }
}

/** What a move is decided on, read in one wave with the comment's rating. */
interface MoveReads {
  rating: RatingRecord | null;
  product: ProductCommentsState & { recent: RecentComments };
  /** The product's newest visible comments, RECENT_COMMENTS + 1 of them. */
  visible: CommentRecord[];
}
