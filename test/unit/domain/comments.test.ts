import type { CommentRecord } from '../../../src/datasources/models';
import { addComment, COMMENT_RATE_LIMIT } from '../../../src/domain/comments';
import { ProductNotFoundError } from '../../../src/shared/errors';
import { ALICE, refusalOf, SAVED_AT, stubStores } from '../../support/stubContext';

const TEXT_REFUSAL = {
  code: 'BAD_USER_INPUT',
  message: 'text must be 1 to 2000 characters after trimming',
  details: { field: 'text' },
};

describe('addComment', () => {
  test('stores the trimmed text with the caller as author and returns the stored comment', async () => {
    // Prepare
    const stubs = stubStores();

    // Act
    const comment = await addComment(stubs, ALICE, {
      productId: 'lonely-bird',
      text: '\n  Sings all night.\t ',
      rating: 4,
    });

    // Assess
    expect(stubs.comments.add).toHaveBeenCalledWith(
      {
        productId: 'lonely-bird',
        authorId: 'alice',
        author: 'Alice',
        text: 'Sings all night.',
        rating: 4,
        verifiedPurchase: false,
      },
      COMMENT_RATE_LIMIT,
    );
    expect(comment).toEqual<CommentRecord>({
      productId: 'lonely-bird',
      id: 'new-comment',
      authorId: 'alice',
      author: 'Alice',
      text: 'Sings all night.',
      rating: 4,
      verifiedPurchase: false,
      createdAt: SAVED_AT,
    });
  });

  test('takes the author from the caller, never from the input', async () => {
    // Prepare: input that claims another author, as a hostile client might send it.
    const stubs = stubStores();
    const input = { productId: 'lonely-bird', text: 'Great', authorId: 'mallory', author: 'Mallory' };

    // Act
    await addComment(stubs, ALICE, input);

    // Assess
    expect(stubs.comments.add).toHaveBeenCalledWith(
      {
        productId: 'lonely-bird',
        authorId: 'alice',
        author: 'Alice',
        text: 'Great',
        verifiedPurchase: false,
      },
      COMMENT_RATE_LIMIT,
    );
  });

  test.each([null, undefined])('stores no rating when the rating is %p', async (rating) => {
    // Prepare
    const stubs = stubStores();

    // Act
    await addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'Fine', rating });

    // Assess
    expect(stubs.comments.add).toHaveBeenCalledTimes(1);
    expect(stubs.comments.add.mock.lastCall?.[0]).not.toHaveProperty('rating');
  });

  test('counts characters as code points: 2000 emoji are accepted', async () => {
    // Prepare: each 🐦 is two UTF-16 code units, so the string's length is 4000.
    const stubs = stubStores();
    const text = '🐦'.repeat(2000);

    // Act
    await addComment(stubs, ALICE, { productId: 'lonely-bird', text });

    // Assess
    expect(stubs.comments.add).toHaveBeenCalledWith(expect.objectContaining({ text }), COMMENT_RATE_LIMIT);
  });

  test('refuses 2001 emoji with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const stubs = stubStores();

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'lonely-bird', text: '🐦'.repeat(2001) });

    // Assess
    expect(await refusalOf(adding)).toEqual(TEXT_REFUSAL);
    expect(stubs.comments.add).not.toHaveBeenCalled();
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('counts the length after trimming: 2000 characters inside spaces are accepted', async () => {
    // Prepare
    const stubs = stubStores();
    const text = 'a'.repeat(2000);

    // Act
    await addComment(stubs, ALICE, { productId: 'lonely-bird', text: `   ${text}   ` });

    // Assess
    expect(stubs.comments.add).toHaveBeenCalledWith(expect.objectContaining({ text }), COMMENT_RATE_LIMIT);
  });

  test.each([
    ['empty', ''],
    ['spaces', '   '],
    ['whitespace of every kind', ' \n\t\r\u00a0\u2003 '],
  ])('refuses text that is %s with BAD_USER_INPUT and writes nothing', async (_what, text) => {
    // Prepare
    const stubs = stubStores();

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'lonely-bird', text, rating: 5 });

    // Assess
    expect(await refusalOf(adding)).toEqual(TEXT_REFUSAL);
    expect(stubs.comments.add).not.toHaveBeenCalled();
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test.each([1, 5])('accepts rating %i', async (rating) => {
    // Prepare
    const stubs = stubStores();

    // Act
    const comment = await addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'Ok', rating });

    // Assess
    expect(comment.rating).toBe(rating);
  });

  test.each([0, 6, -1, 100])('refuses rating %i with BAD_USER_INPUT and writes nothing', async (rating) => {
    // Prepare
    const stubs = stubStores();

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'Nice', rating });

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'rating must be between 1 and 5',
      details: { field: 'rating' },
    });
    expect(stubs.comments.add).not.toHaveBeenCalled();
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('marks the product changed only once the write has completed', async () => {
    // Prepare: hold the write open, to see whether the product is marked before it completes.
    const stubs = stubStores();
    let completeWrite: () => void = () => undefined;
    stubs.comments.add.mockImplementationOnce(
      (comment) =>
        new Promise((resolve) => {
          completeWrite = () =>
            resolve({ outcome: 'added', comment: { ...comment, id: 'c-1', createdAt: SAVED_AT } });
        }),
    );

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'Lovely' });
    await new Promise((resolve) => setImmediate(resolve));
    const markedDuringWrite = stubs.products.markChanged.mock.calls.length;
    completeWrite();
    await adding;

    // Assess
    expect(stubs.comments.add).toHaveBeenCalledTimes(1);
    expect(markedDuringWrite).toBe(0);
    expect(stubs.products.markChanged).toHaveBeenCalledTimes(1);
    expect(stubs.products.markChanged).toHaveBeenCalledWith('lonely-bird');
  });

  test('answers a ProductNotFoundError from the store with NOT_FOUND on the productId field, marking nothing', async () => {
    // Prepare
    const stubs = stubStores();
    stubs.comments.add.mockRejectedValueOnce(new ProductNotFoundError('ghost'));

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'ghost', text: 'Boo', rating: 1 });

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'NOT_FOUND',
      message: 'No product has that id',
      details: { field: 'productId' },
    });
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('counts every comment against its author, at most 5 a minute', async () => {
    // Prepare
    const stubs = stubStores();

    // Act
    await addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'Counted' });

    // Assess
    expect(COMMENT_RATE_LIMIT).toEqual({ action: 'comment', limit: 5, windowSeconds: 60 });
    expect(stubs.comments.add.mock.lastCall?.[1]).toBe(COMMENT_RATE_LIMIT);
  });

  test('answers a full rate window with RATE_LIMITED and the seconds until it ends, marking nothing', async () => {
    // Prepare
    const stubs = stubStores();
    stubs.comments.add.mockResolvedValueOnce({ outcome: 'rateLimited', retryAfterSeconds: 42 });

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'One too many', rating: 5 });

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'RATE_LIMITED',
      message: 'At most 5 comments a minute: try again in 42 s',
      details: { retryAfterSeconds: 42 },
    });
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });

  test('lets any other failure of the store through unchanged, marking nothing', async () => {
    // Prepare
    const stubs = stubStores();
    const outage = new Error('ProvisionedThroughputExceededException');
    stubs.comments.add.mockRejectedValueOnce(outage);

    // Act
    const adding = addComment(stubs, ALICE, { productId: 'lonely-bird', text: 'Boo', rating: 1 });

    // Assess
    await expect(adding).rejects.toBe(outage);
    expect(stubs.products.markChanged).not.toHaveBeenCalled();
  });
});
