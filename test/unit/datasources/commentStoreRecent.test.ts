import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { COMMENT_RATE_LIMIT } from '../../../src/domain/comments';
import { item, NOW, OLDER, PRODUCT, RATED, storeAnswering, storeOver } from './commentStoreFake';

/** How CommentStore.add keeps the product item's recent comments (recentComments.ts). */
describe('CommentStore.add and the product’s recent comments', () => {
  test('sets the new comment in the product’s recent comments, waiting for nothing while they are few', async () => {
    // Prepare
    const { store, transactions } = storeAnswering(null);

    // Act
    const result = await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess: its own entry only; the older one stays, being among the 3 newest.
    if (result.outcome !== 'added') throw new Error('The comment was added');
    const { productId: _productId, ...recent } = result.comment;
    const update = item(transactions[0], 0)?.Update;
    expect(update?.UpdateExpression).toContain('SET #recent.#set0 = :set0');
    expect(update?.UpdateExpression).not.toContain('REMOVE');
    expect(update?.ConditionExpression).not.toContain('#moderation');
    // Bounded all the same: with 12 entries or more it reads again and trims instead.
    expect(update?.ConditionExpression).toContain('size(#recent) < :sizeBelow');
    expect(update?.ExpressionAttributeValues).toMatchObject({ ':sizeBelow': 12 });
    expect(update?.ExpressionAttributeNames?.['#set0']).toBe(`${NOW.toISOString()}#${result.comment.id}`);
    expect(update?.ExpressionAttributeNames).not.toHaveProperty('#moderation');
    expect(update?.ExpressionAttributeValues).toMatchObject({ ':set0': recent });
  });

  test('once the map would pass 6 entries, removes those older than the 3 newest it knows of, if no moderation wrote since', async () => {
    // Prepare: five comments newer than OLDER on the item already.
    const newer = [1, 2, 3, 4, 5].map((minute) => ({
      ...OLDER,
      id: `newer-${minute}`,
      createdAt: `2030-01-01T09:0${minute}:00.000Z`,
    }));
    const recentComments = Object.fromEntries(
      [OLDER, ...newer].map((comment) => [`${comment.createdAt}#${comment.id}`, comment]),
    );
    const { store, transactions } = storeOver({ rating: null, product: { ...PRODUCT, recentComments } });

    // Act
    await store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess: all but the new comment and the two newest leave; no version is written by a comment.
    const update = item(transactions[0], 0)?.Update;
    expect(update?.UpdateExpression).toContain(
      'REMOVE #recent.#remove0, #recent.#remove1, #recent.#remove2, #recent.#remove3',
    );
    expect([0, 1, 2, 3].map((index) => update?.ExpressionAttributeNames?.[`#remove${index}`])).toEqual(
      [...newer.slice(0, 3).reverse(), OLDER].map((comment) => `${comment.createdAt}#${comment.id}`),
    );
    expect(update?.ConditionExpression).toContain('#moderation = :readModeration');
    expect(update?.ExpressionAttributeValues).toMatchObject({ ':readModeration': 3 });
    expect(update?.UpdateExpression).not.toContain(':nextModeration');
  });

  test('gives a product from before items carried recent comments its map first, then writes', async () => {
    // Prepare
    const { store, transactions, send } = storeOver({ rating: null, product: { id: 'bird' } });

    // Act
    const adding = store.add(RATED, COMMENT_RATE_LIMIT);

    // Assess: the seed is an UpdateItem of its own, conditioned on the map still missing.
    await expect(adding).resolves.toMatchObject({ outcome: 'added' });
    const seed = send.mock.calls
      .map(([command]) => command)
      .find((command) => command instanceof UpdateCommand);
    expect(seed).toBeInstanceOf(UpdateCommand);
    expect((seed as UpdateCommand).input.ConditionExpression).toContain('attribute_not_exists(#recent)');
    expect(transactions.length).toBeGreaterThan(0);
  });
});
