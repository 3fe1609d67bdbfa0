import type { StoredComment } from '../../src/datasources/commentKeys';
import type { ProductRecord, RatingRecord } from '../../src/datasources/models';
import type { TestApp } from './testApp';

/**
 * One product as its tables hold it: its aggregates, its comments (hidden ones too, each with the
 * key it is stored under), and its users' current ratings (the ratings table's items).
 */
export interface StoredRatings {
  product: Pick<ProductRecord, 'commentCount' | 'ratingSum' | 'ratingCount'>;
  comments: StoredComment[];
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
    comments: comments.filter((item) => item.productId === productId) as unknown as StoredComment[],
    ratings: ratings.filter((item) => item.productId === productId) as unknown as RatingRecord[],
  };
}

/** Where a comment must be stored: `<createdAt>#<id>`, behind `hidden#` when staff hid it. */
function expectedKey({ createdAt, id, hidden }: StoredComment): string {
  return `${hidden === true ? 'hidden#' : ''}${createdAt}#${id}`;
}

/**
 * The rule the aggregates follow: `commentCount` counts the visible comments (staff's hidden ones
 * not); `ratingSum` and `ratingCount` are the sum and number of the ratings table's items, one per
 * user; each is the rating a visible comment of that user gave. Every comment is stored once, under
 * the key its visibility gives it.
 */
export function expectRatingsExact({ product, comments, ratings }: StoredRatings): void {
  expect(new Set(comments.map((comment) => comment.id)).size).toBe(comments.length);
  for (const comment of comments) expect(comment.commentKey).toBe(expectedKey(comment));
  const visible = comments.filter((comment) => comment.hidden !== true);
  expect(product.commentCount).toBe(visible.length);
  expect(product.ratingCount).toBe(ratings.length);
  expect(product.ratingSum).toBe(ratings.reduce((sum, rating) => sum + rating.rating, 0));
  expect(new Set(ratings.map((rating) => rating.userId)).size).toBe(ratings.length);
  for (const rating of ratings) {
    expect(visible.find((comment) => comment.id === rating.commentId)).toMatchObject({
      authorId: rating.userId,
      rating: rating.rating,
    });
  }
}
