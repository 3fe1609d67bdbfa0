import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { CATEGORY_PARTITION, toCategoryRecord, type StoredCategory } from './categoryItems';
import { isStorableKey } from './keys';
import type { CategoryRecord } from './models';
import { queryAtLeast } from './pagedQuery';
import { clientError, ErrorCode } from '../shared/errors';
import {
  cancellationCodes,
  isTransientError,
  sendRetryingContention,
  writeRetryingContention,
} from './transactions';

/** What a category write did: only `written` wrote anything. */
export type CategoryWrite =
  | { outcome: 'written'; category: CategoryRecord }
  | { outcome: 'notFound' }
  | { outcome: 'slugTaken' }
  /** A product, live or archived, is still in the category. */
  | { outcome: 'notEmpty' };

/** Far above a store's categories, and below what one transaction (reordering) can rewrite. */
export const MAX_CATEGORIES = 50;

/**
 * The categories table (layout: categoryItems.ts). Every read is the one Query of the whole
 * partition, once per request: `categories`, `category(slug)` and every `Product.categories` of a
 * response share it.
 */
export class CategoryStore {
  private all?: Promise<CategoryRecord[]>;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** In the store's order: by position, then slug. */
  list(): Promise<CategoryRecord[]> {
    this.all ??= this.readAll(false);
    return this.all;
  }

  async getBySlug(slug: string): Promise<CategoryRecord | null> {
    return (await this.list()).find((category) => category.slug === slug) ?? null;
  }

  /** Access pattern: Query (consistent) for the last position, then PutItem if the slug is free. */
  async create(slug: string, name: string): Promise<CategoryWrite | { outcome: 'full' }> {
    const existing = await this.readAll(true);
    if (existing.some((category) => category.slug === slug)) return { outcome: 'slugTaken' };
    if (existing.length >= MAX_CATEGORIES) return { outcome: 'full' };
    const category: CategoryRecord = {
      slug,
      name,
      position: Math.max(0, ...existing.map(({ position }) => position + 1)),
      productCount: 0,
    };
    try {
      await writeRetryingContention(() =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { catalogue: CATEGORY_PARTITION, ...category, archivedCount: 0 },
            ConditionExpression: 'attribute_not_exists(#slug)',
            ExpressionAttributeNames: { '#slug': 'slug' },
          }),
        ),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { outcome: 'slugTaken' };
      throw error;
    }
    this.all = undefined;
    return { outcome: 'written', category };
  }

  /** Access pattern: UpdateItem SET name if the category exists. */
  async rename(slug: string, name: string): Promise<CategoryWrite> {
    if (!isStorableKey(slug)) return { outcome: 'notFound' };
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { catalogue: CATEGORY_PARTITION, slug },
            UpdateExpression: 'SET #name = :name',
            ConditionExpression: 'attribute_exists(#slug)',
            ExpressionAttributeNames: { '#name': 'name', '#slug': 'slug' },
            ExpressionAttributeValues: { ':name': name },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      this.all = undefined;
      return { outcome: 'written', category: toCategoryRecord(output.Attributes as StoredCategory) };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { outcome: 'notFound' };
      throw error;
    }
  }

  /**
   * Access pattern: one transaction setting every category's position, each conditioned on the
   * category existing. `slugs` names every category once (checked by the caller against
   * `listLatest`); false when one was deleted meanwhile, and nothing changed.
   */
  async reorder(slugs: readonly string[]): Promise<boolean> {
    try {
      await sendRetryingContention(
        this.client,
        new TransactWriteCommand({
          TransactItems: slugs.map((slug, position) => ({
            Update: {
              TableName: this.tableName,
              Key: { catalogue: CATEGORY_PARTITION, slug },
              UpdateExpression: 'SET #position = :position',
              ConditionExpression: 'attribute_exists(#slug)',
              ExpressionAttributeNames: { '#position': 'position', '#slug': 'slug' },
              ExpressionAttributeValues: { ':position': position },
            },
          })),
        }),
      );
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.includes('ConditionalCheckFailed')) return false;
      // Still contended after the retries (products joining or leaving categories): nothing written.
      if (codes || isTransientError(error)) {
        throw clientError(ErrorCode.Conflict, 'Other writes kept the categories busy; try again', {
          retryable: true,
        });
      }
      throw error;
    }
    this.all = undefined;
    return true;
  }

  /** Access pattern: DeleteItem if no product, live or archived, names the category. */
  async delete(slug: string): Promise<CategoryWrite> {
    if (!isStorableKey(slug)) return { outcome: 'notFound' };
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { catalogue: CATEGORY_PARTITION, slug },
            ConditionExpression:
              'attribute_exists(#slug) AND #live = :zero AND (attribute_not_exists(#archived) OR #archived = :zero)',
            ExpressionAttributeNames: {
              '#slug': 'slug',
              '#live': 'productCount',
              '#archived': 'archivedCount',
            },
            ExpressionAttributeValues: { ':zero': 0 },
            ReturnValues: 'ALL_OLD',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      this.all = undefined;
      return { outcome: 'written', category: toCategoryRecord(output.Attributes as StoredCategory) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item ? { outcome: 'notEmpty' } : { outcome: 'notFound' };
    }
  }

  /** Strongly consistent: for a decision made on the whole list (reordering). */
  listLatest(): Promise<CategoryRecord[]> {
    return this.readAll(true);
  }

  /** Access pattern: Query the one partition; a store's categories are one call. */
  private async readAll(consistentRead: boolean): Promise<CategoryRecord[]> {
    const items = await queryAtLeast<StoredCategory>(
      this.client,
      {
        TableName: this.tableName,
        KeyConditionExpression: '#catalogue = :catalogue',
        ExpressionAttributeNames: { '#catalogue': 'catalogue' },
        ExpressionAttributeValues: { ':catalogue': CATEGORY_PARTITION },
        ConsistentRead: consistentRead,
      },
      undefined,
      // More than the cap can hold: the list is read whole.
      MAX_CATEGORIES * 2,
    );
    return items
      .map(toCategoryRecord)
      .sort((a, b) => a.position - b.position || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }
}
