import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { clientError, ErrorCode, ProductNotFoundError } from '../shared/errors';
import { retry, RETRY, type RetryClock } from '../shared/retry';
import {
  commentKeyOf,
  HIDDEN_PREFIX,
  isVisibleKey,
  toCommentRecord,
  type StoredComment,
} from './commentKeys';
import { isStorableKey } from './keys';
import type { CommentRecord, Page, PageRequest, RatingRecord } from './models';
import { queryPage } from './pagedQuery';
import { ratingReplacement, readRating } from './ratingItems';
import {
  commentAdded,
  readCommentsState,
  recentPage,
  seedRecentComments,
  withRecentComments,
  type CommentedProduct,
  type RecentCommentsChange,
} from './recentComments';
import { countInWindow, rateWindow, type RateLimitRule, type RateWindow } from './rateCounters';
import type { TableNames } from './tableDefinitions';
import { cancellationCodes, isTransientCancellationReason, sendRetryingContention } from './transactions';

export interface NewComment {
  productId: string;
  authorId: string;
  author: string;
  text: string;
  rating?: number;
  /** Whether the author had bought the product (a live order with it) when writing. */
  verifiedPurchase?: boolean;
}

/** Every table a comment's transaction writes. */
export type CommentTables = Pick<TableNames, 'comments' | 'products' | 'ratings' | 'rateLimits'>;

/** What `add` did; a refused comment wrote nothing. */
export type AddCommentResult =
  | { outcome: 'added'; comment: CommentRecord }
  /** The author's rate window is full. */
  | { outcome: 'rateLimited'; retryAfterSeconds: number };

export interface CommentStoreOptions {
  /** The clock that dates a comment and places it in its rate window. */
  now?: () => Date;
  /** The backoff between attempts whose author's rating changed under them (tests skip the wait). */
  retryClock?: RetryClock;
}

/**
 * How long a comment keeps reading what it replaces (the product's recent comments, the author's
 * rating) and sending its transaction. An attempt fails only when another comment of the same
 * product (or a moderation) committed in between, so every round has a winner and one of n
 * concurrent comments on a product needs at most n attempts; the budget only bounds a product
 * commented on by very many at once (then a retryable CONFLICT), well inside the Lambda timeout.
 */
const CONTENTION_BUDGET_MS = 6000;
const MAX_ATTEMPTS = 20;

/** The transaction's items, in request order: cancellation reasons come in the same order. */
const PRODUCT = 0;
const RATE_COUNTER = 2;
const RATING = 3;

/**
 * Comments table: partition `productId`, sort `commentKey` = `<createdAt>#<id>`, so one Query in
 * descending key order reads a product's comments newest first.
 *
 * Adding a comment is one transaction over four tables: the product's aggregates, the comment, the
 * author's rate counter (rateCounters.ts) and, for a rated comment, the author's rating of the
 * product. Ratings table: partition `productId`, sort `userId`, one item per user and product
 * holding their current rating and the comment that gave it. The product's `ratingSum` and
 * `ratingCount` are the sum and number of those items, so a user's later rating replaces their
 * earlier one in the average instead of adding to it.
 */
export class CommentStore {
  /**
   * Per request: the first page of comments of every product on a page. DynamoDB has no batched
   * Query, so a batch becomes parallel Queries: one round trip wave, not one per product in turn.
   */
  private readonly firstPages = new DataLoader<FirstPageKey, Page<CommentRecord>, string>(
    (keys) => Promise.all(keys.map(({ productId, first }) => this.query(productId, { first }))),
    { cacheKeyFn: ({ productId, first }) => `${first}:${productId}` },
  );

  private readonly tables: CommentTables;
  private readonly now: () => Date;
  private readonly retryClock: RetryClock | undefined;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    tables: CommentTables,
    { now = () => new Date(), retryClock }: CommentStoreOptions = {},
  ) {
    this.tables = tables;
    this.now = now;
    this.retryClock = retryClock;
  }

  /** Another write (moderation) moved comments: list them afresh if asked again. */
  markChanged(): void {
    this.firstPages.clearAll();
  }

  /**
   * A product's visible comments, newest first. A first page no longer than the product item's
   * recent comments is read from the item (recentComments.ts): no Query at all.
   */
  async listForProduct(product: CommentedProduct, page: PageRequest): Promise<Page<CommentRecord>> {
    if (page.after) return this.query(product.id, page);
    return (
      recentPage(product, page.first) ?? this.firstPages.load({ productId: product.id, first: page.first })
    );
  }

  /**
   * Adds the comment if the author's window of `rateLimit` has room, counting it there. Throws
   * ProductNotFoundError, writing nothing, when the product does not exist.
   */
  async add(comment: NewComment, rateLimit: RateLimitRule): Promise<AddCommentResult> {
    if (!isStorableKey(comment.productId)) throw new ProductNotFoundError(comment.productId);
    const now = this.now();
    const id = randomUUID();
    const record: CommentRecord = { ...comment, id, createdAt: now.toISOString() };
    const window = rateWindow(rateLimit, comment.authorId, now);
    const result = await retry(
      async (attempt) => {
        const [previous, product] = await Promise.all([
          // Only a rated comment moves the author's rating, so only it reads the one it replaces.
          record.rating === undefined
            ? null
            : readRating(this.client, this.tables.ratings, record.productId, record.authorId),
          readCommentsState(this.client, this.tables.products, record.productId),
        ]);
        // An archived product is gone for shoppers: no comment on it either.
        if (!product.exists || product.archived) throw new ProductNotFoundError(record.productId);
        if (!product.recent) {
          await seedRecentComments(this.client, this.tables, record.productId);
          return RETRY;
        }
        const recent = commentAdded({ ...product, recent: product.recent }, record);
        // The SDK re-sends a request that timed out; if the first one had committed, the same token
        // makes DynamoDB answer success instead of failing the comment's own condition. An attempt
        // after a changed rating is another request, so it needs a token of its own.
        const token = attempt === 0 ? id : randomUUID();
        return (await this.write(record, { previous, recent }, window, token)) ?? RETRY;
      },
      {
        budgetMs: CONTENTION_BUDGET_MS,
        // Each attempt is a few DynamoDB calls: the request's call budget must outlast the loop.
        maxAttempts: MAX_ATTEMPTS,
        baseMs: 10,
        capMs: 100,
        exhausted: () =>
          clientError(ErrorCode.Conflict, 'Comments on this product kept changing; try again', {
            retryable: true,
          }),
      },
      this.retryClock,
    );
    if (result.outcome === 'added') this.firstPages.clearAll();
    return result;
  }

  /**
   * Access pattern: one TransactWriteItems of
   * - products: Update `ADD commentCount 1, ratingSum new − old, ratingCount 1 if no old`, if the
   *   product exists;
   * - comments: Put, if `attribute_not_exists(commentKey)`;
   * - rateLimits: the counter's Update, if the window has room (rateCounters.ts);
   * - ratings (rated comments only): Put of the author's rating, if the item is still the one read
   *   (same `commentId`, or still absent). A commentId is unique per write, so the condition fails
   *   whenever anything was written in between, even the same rating value.
   * Returns null when the author's rating changed since `previous` was read: nothing was written,
   * and the caller reads it again.
   */
  private async write(
    record: CommentRecord,
    { previous, recent }: { previous: RatingRecord | null; recent: RecentCommentsChange },
    window: RateWindow,
    token: string,
  ): Promise<AddCommentResult | null> {
    const stored: StoredComment = { ...record, commentKey: commentKeyOf(record, false) };
    const { rating } = record;
    try {
      await sendRetryingContention(
        this.client,
        new TransactWriteCommand({
          ClientRequestToken: token,
          TransactItems: [
            {
              Update: {
                TableName: this.tables.products,
                Key: { id: record.productId },
                ConditionExpression: `attribute_exists(#id) AND attribute_not_exists(#archived) AND ${recent.condition}`,
                UpdateExpression: withRecentComments(
                  'ADD #commentCount :one, #ratingSum :ratingDelta, #ratingCount :newRater',
                  recent,
                ),
                ExpressionAttributeNames: {
                  '#id': 'id',
                  '#archived': 'archived',
                  '#commentCount': 'commentCount',
                  '#ratingSum': 'ratingSum',
                  '#ratingCount': 'ratingCount',
                  ...recent.names,
                },
                ExpressionAttributeValues: {
                  ':one': 1,
                  ':ratingDelta': rating === undefined ? 0 : rating - (previous?.rating ?? 0),
                  ':newRater': rating !== undefined && previous === null ? 1 : 0,
                  ...recent.values,
                },
              },
            },
            {
              Put: {
                TableName: this.tables.comments,
                Item: stored,
                ConditionExpression: 'attribute_not_exists(#commentKey)',
                ExpressionAttributeNames: { '#commentKey': 'commentKey' },
              },
            },
            countInWindow(this.tables.rateLimits, window),
            ...(rating === undefined
              ? []
              : [ratingReplacement(this.tables.ratings, record, rating, previous)]),
          ],
        }),
      );
    } catch (error) {
      const failed = (index: number) => cancellationCodes(error)?.[index] === 'ConditionalCheckFailed';
      // Archived, gone, or its comments moderated since they were read: the next attempt's read
      // tells which.
      if (failed(PRODUCT)) return null;
      if (failed(RATE_COUNTER))
        return { outcome: 'rateLimited', retryAfterSeconds: window.retryAfterSeconds };
      if (failed(RATING)) return null;
      // Lost to other transactions on every send (nothing written): read again and retry, within
      // the budget. Not a timeout, though: that one may have committed under this token.
      const codes = cancellationCodes(error);
      if (
        codes?.some(isTransientCancellationReason) &&
        codes.every((code) => code === 'None' || isTransientCancellationReason(code))
      ) {
        return null;
      }
      throw error;
    }
    return { outcome: 'added', comment: record };
  }

  /**
   * Access pattern: one product's visible comments (keys below HIDDEN_PREFIX, commentKeys.ts),
   * newest first, after the cursor's sort key.
   */
  private query(productId: string, page: PageRequest): Promise<Page<CommentRecord>> {
    return queryPage(
      this.client,
      {
        collection: 'comment',
        input: {
          TableName: this.tables.comments,
          KeyConditionExpression: '#productId = :productId AND #commentKey < :hidden',
          ExpressionAttributeNames: { '#productId': 'productId', '#commentKey': 'commentKey' },
          ExpressionAttributeValues: { ':productId': productId, ':hidden': HIDDEN_PREFIX },
          ScanIndexForward: false,
        },
        partition: { productId },
        cursorFields: ['commentKey'],
        inRange: ({ commentKey = '' }) => isVisibleKey(commentKey),
        toNode: toCommentRecord,
      },
      page,
    );
  }
}

interface FirstPageKey {
  productId: string;
  first: number;
}
