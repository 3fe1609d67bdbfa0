import type { CommentRecord, ProductRecord, RatingRecord } from '../../src/datasources/models';
import type { TestApp } from './testApp';

/** One product as its tables hold it: its aggregates, its comments, and its users' current ratings. */
export interface StoredRatings {
  product: Pick<ProductRecord, 'commentCount' | 'ratingSum' | 'ratingCount'>;
  comments: CommentRecord[];
  ratings: RatingRecord[];
}

/** Read straight from the tables (strongly consistent scans), never through the API. */
export async function storedRatings(app: TestApp, productId: string): Promise<StoredRatings> {
  const [products, comments, ratings] = await Promise.all([
    app.scan('products'),
    app.scan('comments'),
    app.scan('ratings'),
  ]);
  const product = products.find((item) => item.id === productId) as ProductRecord | undefined;
  if (!product) throw new Error(`No product ${productId} is stored`);
  const { commentCount, ratingSum, ratingCount } = product;
  return {
    product: { commentCount, ratingSum, ratingCount },
    // Scans return untyped items; every item of these tables has the stored shape.
    comments: comments.filter((item) => item.productId === productId) as unknown as CommentRecord[],
    ratings: ratings.filter((item) => item.productId === productId) as unknown as RatingRecord[],
  };
}

/**
 * The rule the aggregates follow: `commentCount` counts the comments; `ratingSum` and `ratingCount`
 * are the sum and number of the users' current ratings, one per user; each current rating is the
 * one its comment gave, by that user.
 */
export function expectRatingsExact({ product, comments, ratings }: StoredRatings): void {
  expect(product.commentCount).toBe(comments.length);
  expect(product.ratingCount).toBe(ratings.length);
  expect(product.ratingSum).toBe(ratings.reduce((sum, rating) => sum + rating.rating, 0));
  expect(new Set(ratings.map((rating) => rating.userId)).size).toBe(ratings.length);
  for (const rating of ratings) {
    expect(comments.find((comment) => comment.id === rating.commentId)).toMatchObject({
      authorId: rating.userId,
      rating: rating.rating,
    });
  }
}
