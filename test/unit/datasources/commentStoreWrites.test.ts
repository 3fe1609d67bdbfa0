import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { CommentStore, type NewComment } from '../../../src/datasources/CommentStore';
import type { RatingRecord } from '../../../src/datasources/models';
import { COMMENT_RATE_LIMIT } from '../../../src/domain/comments';
import { ProductNotFoundError, StoreError } from '../../../src/shared/errors';
import { fakeClock } from '../../support/fakeClock';
import { cancelled, fakeDocumentClient } from '../../support/fakeDynamo';

/**
 * What CommentStore.add sends DynamoDB, and how it reads the answers: a scripted client stands in
 * for DynamoDB (test/integration/api/ratingsAndRateLimit.test.ts runs the same on DynamoDB Local).
 */
const TABLES = { comments: 'comments', products: 'products', ratings: 'ratings', rateLimits: 'rate-limits' };
/** 17.25 s into a minute: 43 whole seconds until the next one. */
const NOW = new Date('2030-01-01T10:00:17.250Z');
const WINDOW_KEY = `comment#alice#${Date.UTC(2030, 0, 1, 10, 0, 0) / 1000}`;
const RATED: NewComment = {
  productId: 'bird',
  authorId: 'alice',
  author: 'Alice',
  text: 'Lovely',
  rating: 5,
};
const EARLIER: RatingRecord = {
  productId: 'bird',
  userId: 'alice',
  rating: 2,
  commentId: 'earlier-comment',
  ratedAt: '2030-01-01T09:00:00.000Z',
};

type Answer = (command: unknown) => unknown;

/** A store over a client answering each GetItem with `rating`, and each transaction with `answers` in turn. */
function storeAnswering(rating: RatingRecord | null, ...answers: Array<Error | 'ok'>) {
  const transactions: TransactWriteCommandInput[] = [];
  const reads: unknown[] = [];
  const answer: Answer = (command) => {
    if (command instanceof GetCommand) {
      reads.push(command.input.Key);
      return rating ? { Item: rating } : {};
    }
    if (command instanceof TransactWriteCommand) {
      transactions.push(command.input);
      const next = answers.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return {};
    }
    throw new Error('unexpected command');
  };
  const send = jest.fn(async (command: unknown) => answer(command));
  const clock = fakeClock();
  const store = new CommentStore(fakeDocumentClient(send), TABLES, { now: () => NOW, retryClock: clock });
  return { store, transactions, reads, send, clock };
}

function item(transaction: TransactWriteCommandInput | undefined, index: number) {
  return transaction?.TransactItems?.[index];
}

describe('CommentStore.add', () => {
  test('replaces the author’s earlier rating: the average moves by the difference, counting the rater once', async () => {
    // Prepare
    const { store, transactions, reads } = storeAnswering(EARLIER);

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    expect(result).toMatchObject({ outcome: 'added', comment: { rating: 5, createdAt: NOW.toISOString() } });
    expect(reads).toEqual([{ productId: 'bird', userId: 'alice' }]);
    expect(item(transactions[0], 0)?.Update?.ExpressionAttributeValues).toEqual({
      ':one': 1,
      ':ratingDelta': 3,
      ':newRater': 0,
    });
    expect(item(transactions[0], 3)?.Put).toMatchObject({
      TableName: 'ratings',
      Item: { productId: 'bird', userId: 'alice', rating: 5 },
      ConditionExpression: '#commentId = :readCommentId',
      ExpressionAttributeValues: { ':readCommentId': 'earlier-comment' },
    });
  });

  test('counts a first rating of the product as a new rater, if nobody rated for that user meanwhile', async () => {
    // Prepare
    const { store, transactions } = storeAnswering(null);

    // Act
    await store.add({ ...RATED, rating: 4 }, COMMENT_RATE_LIMIT);

    // Assess
    expect(item(transactions[0], 0)?.Update?.ExpressionAttributeValues).toMatchObject({
      ':ratingDelta': 4,
      ':newRater': 1,
    });
    expect(item(transactions[0], 3)?.Put?.ConditionExpression).toBe('attribute_not_exists(#userId)');
  });

  test('leaves the author’s rating alone for an unrated comment: no read, no rating write, one call', async () => {
    // Prepare
    const { store, transactions, send } = storeAnswering(EARLIER);
    const { rating: _rating, ...unrated } = RATED;

    // Act
    await store.add(unrated, COMMENT_RATE_LIMIT);

    // Assess
    expect(send).toHaveBeenCalledTimes(1);
    expect(transactions[0]?.TransactItems).toHaveLength(3);
    expect(item(transactions[0], 0)?.Update?.ExpressionAttributeValues).toMatchObject({
      ':ratingDelta': 0,
      ':newRater': 0,
    });
  });

  test('counts the comment in the author’s current minute, in the same transaction', async () => {
    // Prepare
    const { store, transactions } = storeAnswering(null);

    // Act
    await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    expect(item(transactions[0], 2)?.Update).toMatchObject({
      TableName: 'rate-limits',
      Key: { key: WINDOW_KEY },
      ExpressionAttributeValues: { ':limit': 5 },
    });
  });

  test('reads the rating again and resends, with a new token, when it changed in between', async () => {
    // Prepare
    const ratingChanged = cancelled('None', 'None', 'None', 'ConditionalCheckFailed');
    const { store, transactions, reads } = storeAnswering(EARLIER, ratingChanged);

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    expect(result.outcome).toBe('added');
    expect(reads).toHaveLength(2);
    expect(transactions).toHaveLength(2);
    const [first, second] = transactions;
    expect(second?.ClientRequestToken).not.toBe(first?.ClientRequestToken);
    expect(item(second, 1)?.Put?.Item).toEqual(item(first, 1)?.Put?.Item);
  });

  test('answers a full window as rateLimited with the whole seconds left in it, and tries nothing again', async () => {
    // Prepare
    const windowFull = cancelled('None', 'None', 'ConditionalCheckFailed', 'ConditionalCheckFailed');
    const { store, transactions } = storeAnswering(EARLIER, windowFull);

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    expect(result).toEqual({ outcome: 'rateLimited', retryAfterSeconds: 43 });
    expect(transactions).toHaveLength(1);
  });

  test('answers a missing product as not found, whatever else failed', async () => {
    // Prepare
    const missing = cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed', 'None');
    const { store } = storeAnswering(null, missing);

    // Act
    const adding = store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    await expect(adding).rejects.toBeInstanceOf(ProductNotFoundError);
  });

  test('gives up with a retryable CONFLICT after 10 attempts whose rating kept changing', async () => {
    // Prepare
    const changes = Array.from({ length: 12 }, () =>
      cancelled('None', 'None', 'None', 'ConditionalCheckFailed'),
    );
    const { store, transactions } = storeAnswering(EARLIER, ...changes);

    // Act
    const failure = await store.add(RATED, COMMENT_RATE_LIMIT).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'CONFLICT', details: { retryable: true } });
    expect(transactions).toHaveLength(10);
  });
});
