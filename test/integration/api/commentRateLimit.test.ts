import { CommentStore } from '../../../src/datasources/CommentStore';
import { OrderStore } from '../../../src/datasources/OrderStore';
import { ProductStore } from '../../../src/datasources/ProductStore';
import { addComment } from '../../../src/domain/comments';
import { createLambdaHandler, type StoreHandler } from '../../../src/transport/lambdaHandler';
import { graphqlPost, lambdaContext, type GraphQLRequest } from '../../support/events';
import { freshProduct, useTestApp } from '../../support/fixtures';
import { expectRatingsExact, storedRatings } from '../../support/ratings';
import { dataOf, errorCodes, uniqueId } from '../../support/storeApi';
import { parseResult, type GraphQLResponse } from '../../support/testApp';

/**
 * At most 5 comments per user per minute, counted in DynamoDB. The handler under test is a second
 * instance of the real one over the same tables, whose clock the tests set: windows begin and end
 * when a test says, without waiting for a real minute.
 */
const app = useTestApp();

/** 17.25 s into a minute: its window ends in 42.75 s, so a refusal says 43. */
const INTO_A_MINUTE = new Date('2030-01-01T10:00:17.250Z');
const NEXT_MINUTE = new Date('2030-01-01T10:01:00.000Z');
const clock = { now: INTO_A_MINUTE };
let clocked: StoreHandler;

beforeAll(() => {
  clocked = createLambdaHandler(app.config, { now: () => clock.now });
});

const ADD_COMMENT = `mutation Add($productId: ID!, $text: String!, $rating: Int) {
  addComment(productId: $productId, text: $text, rating: $rating) { id rating product { commentCount rating } }
}`;
const COMMENTS = `query Comments($id: ID!) { product(id: $id) { commentCount comments { nodes { text } } } }`;

interface AddCommentData {
  addComment: { id: string; rating: number | null; product: { commentCount: number; rating: number | null } };
}

async function post<TData>(request: GraphQLRequest, token?: string): Promise<GraphQLResponse<TData>> {
  return parseResult<TData>(await clocked(graphqlPost(request, token ? { token } : {}), lambdaContext()));
}

function comment(productId: string, token: string, text: string, rating?: number) {
  return post<AddCommentData>({ query: ADD_COMMENT, variables: { productId, text, rating } }, token);
}

/** `count` comments by the user of `token`, one after the other, each accepted. */
async function commentTimes(count: number, productId: string, token: string): Promise<void> {
  for (let index = 1; index <= count; index += 1) dataOf(await comment(productId, token, `c${index}`, index));
}

describe('the comment rate limit', () => {
  test('refuses the 6th comment by one user within a minute with RATE_LIMITED and the whole seconds left, writing nothing', async () => {
    // Prepare
    clock.now = INTO_A_MINUTE;
    const productId = (await freshProduct(app, 'limited')).id;
    const token = app.tokenFor(uniqueId('chatty'), 'Chatty');
    await commentTimes(5, productId, token);
    const before = await app.snapshot();

    // Act
    const sixth = await comment(productId, token, 'one too many', 1);

    // Assess
    expect(sixth.body.data).toBeNull();
    expect(sixth.body.errors).toEqual([
      expect.objectContaining({
        message: 'At most 5 comments a minute: try again in 43 s',
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 43 },
      }),
    ]);
    expect(await app.snapshot()).toEqual(before);
    // The clock stood still, so the five share one createdAt: compare them as a set.
    const { product } = dataOf(
      await post<{ product: { commentCount: number; comments: { nodes: Array<{ text: string }> } } }>({
        query: COMMENTS,
        variables: { id: productId },
      }),
    );
    expect(product.commentCount).toBe(5);
    expect(product.comments.nodes.map(({ text }) => text).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  test('accepts the same user’s comments again from the next minute on', async () => {
    // Prepare
    clock.now = INTO_A_MINUTE;
    const productId = (await freshProduct(app, 'limited')).id;
    const token = app.tokenFor(uniqueId('chatty'), 'Chatty');
    await commentTimes(5, productId, token);
    const refused = await comment(productId, token, 'too soon');

    // Act
    clock.now = NEXT_MINUTE;
    const accepted = await comment(productId, token, 'a minute later');

    // Assess
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(dataOf(accepted).addComment.product.commentCount).toBe(6);
  });

  test('leaves another user’s comments alone while one user’s minute is full', async () => {
    // Prepare
    clock.now = INTO_A_MINUTE;
    const productId = (await freshProduct(app, 'limited')).id;
    await commentTimes(5, productId, app.tokenFor(uniqueId('chatty'), 'Chatty'));

    // Act
    const other = await comment(productId, app.tokenFor(uniqueId('quiet'), 'Quiet'), 'my first', 4);

    // Assess
    expect(dataOf(other).addComment.product).toEqual({ commentCount: 6, rating: 4.5 });
  });

  test('accepts exactly 5 of 9 concurrent comments by one user in one minute', async () => {
    // Prepare
    clock.now = INTO_A_MINUTE;
    const productId = (await freshProduct(app, 'limited')).id;
    const token = app.tokenFor(uniqueId('burst'), 'Burst');

    // Act
    const responses = await Promise.all(
      Array.from({ length: 9 }, (_, index) => comment(productId, token, `burst ${index}`, (index % 5) + 1)),
    );

    // Assess
    const codes = responses.map((response) => errorCodes(response)[0] ?? 'accepted');
    expect(codes.filter((code) => code === 'accepted')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(4);
    const stored = await storedRatings(app, productId);
    expect(stored.product).toMatchObject({ commentCount: 5, ratingCount: 1 });
    expectRatingsExact(stored);
  });

  test('does not count refused comments: bad input and unknown products leave the minute’s 5 intact', async () => {
    // Prepare
    clock.now = INTO_A_MINUTE;
    const productId = (await freshProduct(app, 'limited')).id;
    const token = app.tokenFor(uniqueId('clumsy'), 'Clumsy');
    const refusals = await Promise.all([
      comment(productId, token, '   '),
      comment(productId, token, 'x'.repeat(2001)),
      comment(productId, token, 'fine', 6),
      comment('no-such-product', token, 'fine', 3),
      comment('no-such-product', token, 'fine'),
      comment('', token, 'fine'),
    ]);

    // Act
    const accepted = [];
    for (let index = 1; index <= 5; index += 1) accepted.push(await comment(productId, token, `ok ${index}`));

    // Assess
    expect(refusals.map((response) => errorCodes(response)[0])).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    for (const response of accepted) expect(response.body.errors).toBeUndefined();
    expect(errorCodes(await comment(productId, token, 'sixth'))).toEqual(['RATE_LIMITED']);
  });
});

describe('one rating per user and product, under concurrency', () => {
  test('8 concurrent rated comments by one user, each in its own minute, end with one rating: the last written', async () => {
    // Prepare: through the domain and the real store, each comment with a clock of its own minute,
    // so the rate limit lets all 8 race for the user's one rating.
    const productId = (await freshProduct(app, 'contested')).id;
    const author = { userId: uniqueId('racer'), displayName: 'Racer' };
    const products = new ProductStore(app.db, app.tables);
    const orders = new OrderStore(app.db, app.tables.orders, app.tables);
    const ratings = [5, 1, 4, 2, 3, 5, 1, 4];

    // Act
    const added = await Promise.all(
      ratings.map((rating, minute) => {
        const at = new Date(Date.UTC(2030, 0, 2, 10, minute, 30));
        const comments = new CommentStore(app.db, app.tables, { now: () => at });
        return addComment({ comments, products, orders }, author, {
          productId,
          text: `take ${minute}`,
          rating,
        });
      }),
    );

    // Assess
    expect(added.map((comment) => comment.rating)).toEqual(ratings);
    const stored = await storedRatings(app, productId);
    expect(stored.product).toMatchObject({ commentCount: 8, ratingCount: 1 });
    expect(ratings).toContain(stored.product.ratingSum);
    expectRatingsExact(stored);
  });
});
