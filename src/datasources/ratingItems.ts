import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CommentRecord, RatingRecord } from './models';
import type { TransactItem } from './transactions';

/**
 * The ratings table's items: one per user and product, the user's current rating and the comment
 * that gave it. Every write of one is conditioned on the item being as read (its `commentId`, unique
 * per comment, or its absence), so two writers can never both replace what they read.
 */

/**
 * Access pattern: GetItem (`productId`, `userId`) on ratings, strongly consistent: the author's
 * rating that a comment replaces or a moderation moves, and the `commentId` the write that follows
 * is conditioned on.
 */
export async function readRating(
  client: DynamoDBDocumentClient,
  ratingsTable: string,
  productId: string,
  userId: string,
): Promise<RatingRecord | null> {
  const output = await client.send(
    new GetCommand({ TableName: ratingsTable, Key: { productId, userId }, ConsistentRead: true }),
  );
  return (output.Item as RatingRecord | undefined) ?? null;
}

interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, string>;
}

/** The condition that the author's rating is still the one read (or still absent). */
function unchanged(read: RatingRecord | null): Condition {
  return read === null
    ? {
        ConditionExpression: 'attribute_not_exists(#userId)',
        ExpressionAttributeNames: { '#userId': 'userId' },
      }
    : {
        ConditionExpression: '#commentId = :readCommentId',
        ExpressionAttributeNames: { '#commentId': 'commentId' },
        ExpressionAttributeValues: { ':readCommentId': read.commentId },
      };
}

/** A new rated comment: the Put of its author's rating, if the one it replaces is unchanged. */
export function ratingReplacement(
  ratingsTable: string,
  comment: CommentRecord,
  rating: number,
  previous: RatingRecord | null,
): TransactItem {
  const item: RatingRecord = {
    productId: comment.productId,
    userId: comment.authorId,
    rating,
    commentId: comment.id,
    ratedAt: comment.createdAt,
  };
  return { Put: { TableName: ratingsTable, Item: item, ...unchanged(previous) } };
}

/**
 * What moving `comment` does to its author's rating of the product (`rating`, read with it): the
 * change to the product's sum and count of ratings, and the ratings item's write or check.
 *  - Hiding the comment that gave the rating deletes the rating. Hiding any other comment leaves
 *    it: a concurrent write can only replace it with a newer comment's, never with this one's.
 *  - Unhiding puts the comment's rating back when the author has none now, or replaces one given
 *    by an older comment; a newer rating stays, checked unchanged.
 */
export function ratingChange(
  ratingsTable: string,
  comment: CommentRecord,
  hiding: boolean,
  rating: RatingRecord | null,
): { sum: number; raters: number; item?: TransactItem } {
  const { productId, authorId: userId, id: commentId, rating: value, createdAt } = comment;
  if (value === undefined) return { sum: 0, raters: 0 };
  const key = { productId, userId };
  if (hiding) {
    if (rating?.commentId !== commentId) return { sum: 0, raters: 0 };
    return {
      sum: -rating.rating,
      raters: -1,
      item: { Delete: { TableName: ratingsTable, Key: key, ...unchanged(rating) } },
    };
  }
  const restored: RatingRecord = { ...key, rating: value, commentId, ratedAt: createdAt };
  if (rating === null) {
    return {
      sum: value,
      raters: 1,
      item: {
        Put: { TableName: ratingsTable, Item: restored, ...unchanged(null) },
      },
    };
  }
  if (rating.ratedAt < createdAt) {
    return {
      sum: value - rating.rating,
      raters: 0,
      item: { Put: { TableName: ratingsTable, Item: restored, ...unchanged(rating) } },
    };
  }
  return {
    sum: 0,
    raters: 0,
    item: { ConditionCheck: { TableName: ratingsTable, Key: key, ...unchanged(rating) } },
  };
}
