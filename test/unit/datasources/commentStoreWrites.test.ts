import { COMMENT_RATE_LIMIT } from '../../../src/domain/comments';
import { ProductNotFoundError, StoreError } from '../../../src/shared/errors';
import { cancelled } from '../../support/fakeDynamo';
import {
  EARLIER,
  item,
  NOW,
  PRODUCT,
  RATED,
  storeAnswering,
  storeOver,
  WINDOW_KEY,
} from './commentStoreFake';

/** What CommentStore.add sends DynamoDB, and how it reads the answers (fake client: commentStoreFake.ts). */
describe('CommentStore.add', () => {
  test('replaces the author’s earlier rating: the average moves by the difference, counting the rater once', async () => {
    // Prepare
    const { store, transactions, reads } = storeAnswering(EARLIER);

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    expect(result).toMatchObject({ outcome: 'added', comment: { rating: 5, createdAt: NOW.toISOString() } });
    expect(reads).toEqual([{ productId: 'bird', userId: 'alice' }]);
    expect(item(transactions[0], 0)?.Update?.ExpressionAttributeValues).toMatchObject({
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

  test('leaves the author’s rating alone for an unrated comment: no rating read or write', async () => {
    // Prepare
    const { store, transactions, send } = storeAnswering(EARLIER);
    const { rating: _rating, ...unrated } = RATED;

    // Act
    await store.add(unrated, COMMENT_RATE_LIMIT);

    // Assess: the product's recent comments, then the transaction.
    expect(send).toHaveBeenCalledTimes(2);
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

  test.each([
    ['a missing', null],
    ['an archived', { ...PRODUCT, archived: true }],
  ])('answers %s product as not found, sending no transaction', async (_what, product) => {
    // Prepare
    const { store, transactions } = storeOver({ rating: null, product });

    // Act
    const adding = store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    await expect(adding).rejects.toBeInstanceOf(ProductNotFoundError);
    expect(transactions).toEqual([]);
  });

  test('reads the product again and resends when its comments changed in between', async () => {
    // Prepare
    const productChanged = cancelled('ConditionalCheckFailed', 'None', 'None', 'None');
    const { store, transactions } = storeAnswering(null, productChanged);

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess
    expect(result.outcome).toBe('added');
    expect(transactions).toHaveLength(2);
  });

  test('gives up with a retryable CONFLICT after 20 attempts, every one losing, well inside its time budget', async () => {
    // Prepare
    const changes = Array.from({ length: 100 }, () =>
      cancelled('None', 'None', 'None', 'ConditionalCheckFailed'),
    );
    const { store, transactions, clock } = storeAnswering(EARLIER, ...changes);

    // Act
    const failure = await store.add(RATED, COMMENT_RATE_LIMIT).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'CONFLICT', details: { retryable: true } });
    expect(transactions).toHaveLength(20);
    expect(clock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(6000);
  });

  test('reads again and resends when every send lost to other transactions, writing nothing', async () => {
    // Prepare: the SDK-level retries of the first attempt all lost to a TransactionConflict.
    const conflict = cancelled('TransactionConflict', 'None', 'None', 'None');
    const { store, transactions } = storeAnswering(null, ...Array.from({ length: 5 }, () => conflict));

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess: five sends of the first attempt, then a second attempt that commits.
    expect(result.outcome).toBe('added');
    expect(transactions).toHaveLength(6);
  });
});
