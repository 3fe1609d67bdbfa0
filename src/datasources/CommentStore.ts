import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { ProductNotFoundError } from '../shared/errors';
import { isStorableKey } from './keys';
import { cancellationCodes, sendRetryingContention } from './transactions';
import type { CommentRecord, Page, PageRequest } from './models';
import { queryPage } from './pagedQuery';

type StoredComment = CommentRecord & { commentKey: string };

export interface NewComment {
  productId: string;
  authorId: string;
  author: string;
  text: string;
  rating?: number;
}

/**
 * Comments table: partition `productId`, sort `commentKey` = `<createdAt>#<id>`, so one Query
 * in descending key order reads a product's comments newest first. Adding a comment also bumps
 * the product's `commentCount` / `ratingSum` / `ratingCount` in the same transaction, which is why
 * this store also knows the products table's name.
 */
export class CommentStore {
  /**
   * Per request: the first page of comments of every product on a page. DynamoDB has no batched
   * Query, so a batch becomes parallel Queries: one round trip wave, not one per product in turn.
   */
  private readonly firstPages = new DataLoader<FirstPageKey, Page<CommentRecord>, string>(
    (keys) => Promise.all(keys.map(({ productId, first }) => this.query(productId, { first }))),
    { cacheKeyFn: ({ productId, first }) => `${first}:${productId}` },
  );

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly productsTableName: string,
  ) {}

  async listForProduct(productId: string, page: PageRequest): Promise<Page<CommentRecord>> {
    return page.after ? this.query(productId, page) : this.firstPages.load({ productId, first: page.first });
  }

  /** Throws ProductNotFoundError, writing nothing, when the product does not exist. */
  async add(comment: NewComment, now = new Date()): Promise<CommentRecord> {
    if (!isStorableKey(comment.productId)) throw new ProductNotFoundError(comment.productId);
    const createdAt = now.toISOString();
    const id = randomUUID();
    const record: CommentRecord = { ...comment, id, createdAt };
    const stored: StoredComment = { ...record, commentKey: `${createdAt}#${id}` };
    const rated = comment.rating !== undefined;
    try {
      await sendRetryingContention(
        this.client,
        new TransactWriteCommand({
          // The SDK re-sends a request that timed out; if the first one had committed, the same
          // token makes DynamoDB answer success instead of failing the comment's own condition.
          ClientRequestToken: id,
          TransactItems: [
            {
              Update: {
                TableName: this.productsTableName,
                Key: { id: comment.productId },
                ConditionExpression: 'attribute_exists(#id)',
                UpdateExpression: 'ADD #commentCount :one, #ratingSum :rating, #ratingCount :rated',
                ExpressionAttributeNames: {
                  '#id': 'id',
                  '#commentCount': 'commentCount',
                  '#ratingSum': 'ratingSum',
                  '#ratingCount': 'ratingCount',
                },
                ExpressionAttributeValues: {
                  ':one': 1,
                  ':rating': comment.rating ?? 0,
                  ':rated': rated ? 1 : 0,
                },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: stored,
                ConditionExpression: 'attribute_not_exists(#commentKey)',
                ExpressionAttributeNames: { '#commentKey': 'commentKey' },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') {
        throw new ProductNotFoundError(comment.productId);
      }
      throw error;
    }
    this.firstPages.clearAll();
    return record;
  }

  /** Access pattern: one product's comments, newest first, after the cursor's sort key. */
  private query(productId: string, page: PageRequest): Promise<Page<CommentRecord>> {
    return queryPage(
      this.client,
      {
        collection: 'comment',
        input: {
          TableName: this.tableName,
          KeyConditionExpression: '#productId = :productId',
          ExpressionAttributeNames: { '#productId': 'productId' },
          ExpressionAttributeValues: { ':productId': productId },
          ScanIndexForward: false,
        },
        partition: { productId },
        cursorFields: ['commentKey'],
        toNode: ({ commentKey: _commentKey, ...comment }: StoredComment) => comment,
      },
      page,
    );
  }
}

interface FirstPageKey {
  productId: string;
  first: number;
}
