import { useTestApp } from '../../support/fixtures';
import { commentHelpers } from '../../support/comments';
import { expectRatingsExact, storedRatings } from '../../support/ratings';
import { dataOf, errorCodes, uniqueId } from '../../support/storeApi';

const app = useTestApp();
const { newProduct, addComment } = commentHelpers(app);

describe('one rating per user and product', () => {
  const RATINGS = `query Ratings($id: ID!) {
    product(id: $id) { commentCount rating comments { nodes { text rating } } }
  }`;
  const readRatings = async (id: string) =>
    dataOf(
      await app.graphql<{
        product: { commentCount: number; rating: number | null; comments: { nodes: unknown[] } };
      }>({ query: RATINGS, variables: { id } }),
    ).product;

  test('a second rating by the same user replaces the first in the average; every comment is counted and keeps its own rating', async () => {
    // Prepare
    const productId = await newProduct();
    const ada = app.tokenFor(uniqueId('ada'), 'Ada');
    const bob = app.tokenFor(uniqueId('bob'), 'Bob');
    dataOf(await addComment({ productId, text: 'meh', rating: 2 }, ada));
    dataOf(await addComment({ productId, text: 'good', rating: 4 }, bob));
    const twoUsers = await readRatings(productId);

    // Act
    const changed = dataOf(await addComment({ productId, text: 'grew on me', rating: 5 }, ada));

    // Assess
    expect(twoUsers).toMatchObject({ commentCount: 2, rating: 3 });
    expect(changed.addComment).toMatchObject({ rating: 5, product: { commentCount: 3, rating: 4.5 } });
    expect(await readRatings(productId)).toEqual({
      commentCount: 3,
      rating: 4.5,
      comments: {
        nodes: [
          { text: 'grew on me', rating: 5 },
          { text: 'good', rating: 4 },
          { text: 'meh', rating: 2 },
        ],
      },
    });
    expectRatingsExact(await storedRatings(app, productId));
  });

  test('a later comment without a rating leaves the user’s earlier rating in the average', async () => {
    // Prepare
    const productId = await newProduct();
    const ada = app.tokenFor(uniqueId('ada'), 'Ada');
    dataOf(await addComment({ productId, text: 'solid', rating: 4 }, ada));
    dataOf(await addComment({ productId, text: 'flimsy', rating: 2 }, app.tokenFor(uniqueId('bob'), 'Bob')));

    // Act
    const unrated = dataOf(await addComment({ productId, text: 'still using it' }, ada));

    // Assess
    expect(unrated.addComment).toMatchObject({ rating: null, product: { commentCount: 3, rating: 3 } });
    const stored = await storedRatings(app, productId);
    expect(stored.ratings.map(({ rating }) => rating).sort()).toEqual([2, 4]);
    expectRatingsExact(stored);
  });

  test('concurrent rated comments by one user count one rating: the one its last written comment gave', async () => {
    // Prepare
    const productId = await newProduct();
    const token = app.tokenFor(uniqueId('eager'), 'Eager');
    const ratings = [1, 2, 3, 4, 5, 1, 2, 3];

    // Act
    const responses = await Promise.all(
      ratings.map((rating, index) => addComment({ productId, text: `take ${index}`, rating }, token)),
    );

    // Assess: the rate limit refuses what is over 5 in a minute (the burst may straddle two).
    const accepted = responses.filter((response) => response.body.errors === undefined);
    const refused = responses.filter((response) => response.body.errors !== undefined);
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    for (const response of refused) expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    const stored = await storedRatings(app, productId);
    expect(stored.product).toMatchObject({ commentCount: accepted.length, ratingCount: 1 });
    expect(ratings).toContain(stored.product.ratingSum);
    expectRatingsExact(stored);
  });

  test('concurrent ratings by several users keep the sum and the count of raters exact', async () => {
    // Prepare
    const productId = await newProduct();
    const users = Array.from({ length: 6 }, (_, index) => app.tokenFor(uniqueId(`rater${index}`), 'Rater'));

    // Act: each user rates three times at once.
    const responses = await Promise.all(
      users.flatMap((token, user) =>
        [1, 3, 5].map((step) =>
          addComment({ productId, text: 'rated', rating: ((user + step) % 5) + 1 }, token),
        ),
      ),
    );

    // Assess
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    const stored = await storedRatings(app, productId);
    expect(stored.product).toMatchObject({ commentCount: 18, ratingCount: 6 });
    expectRatingsExact(stored);
  });
});
