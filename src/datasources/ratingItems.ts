import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RatingRecord } from './models';

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
