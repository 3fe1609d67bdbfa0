import { ConditionalCheckFailedException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  type DynamoDBDocumentClient,
  type PutCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../shared/errors';
import type { CartLine, CartRecord } from './models';

export interface CartChange {
  items: CartLine[];
  promotionCode?: string;
}

/**
 * Carts table: one item per user, key `userId`, holding the lines, the promotion code and a
 * `version` counter. Every write is conditional on the version it read (optimistic concurrency),
 * so two concurrent writers can never silently overwrite each other: the loser gets a
 * VersionConflictError and re-reads.
 */
export class CartStore {
  /** The caller's cart is read at most once per request, however many fields need it. */
  private readonly carts = new Map<string, Promise<CartRecord>>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The cart as this request last saw it, read once per request. Strongly consistent: a shopper
   * who just added an item and reloads the page must see it (an eventually consistent read may
   * lag by up to a second), and a cart item is small enough that the doubled read cost is noise.
   */
  async getForUser(userId: string): Promise<CartRecord> {
    let cart = this.carts.get(userId);
    if (!cart) {
      cart = this.read(userId);
      this.carts.set(userId, cart);
    }
    return cart;
  }

  markChanged(userId: string): void {
    this.carts.delete(userId);
  }

  /** A fresh read for a read-modify-write cycle, bypassing this request's memo. */
  async getLatest(userId: string): Promise<CartRecord> {
    return this.read(userId);
  }

  /**
   * Writes `change` over the cart read at `base.version`. Throws VersionConflictError when
   * someone else wrote the cart in between.
   */
  async save(base: CartRecord, change: CartChange, now = new Date()): Promise<CartRecord> {
    const next: CartRecord = {
      userId: base.userId,
      items: change.items,
      version: base.version + 1,
      updatedAt: now.toISOString(),
      ...(change.promotionCode ? { promotionCode: change.promotionCode } : {}),
    };
    const condition: Pick<
      PutCommandInput,
      'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
    > =
      base.version === 0
        ? {
            ConditionExpression: 'attribute_not_exists(#userId)',
            ExpressionAttributeNames: { '#userId': 'userId' },
          }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': base.version },
          };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: next, ...condition }));
    } catch (error) {
      // A checkout transaction that holds this cart makes DynamoDB refuse the Put outright
      // (TransactionConflictException): another writer, as surely as a moved version is.
      if (error instanceof ConditionalCheckFailedException || error instanceof TransactionConflictException) {
        throw new VersionConflictError(base.userId);
      }
      throw error;
    }
    this.carts.set(base.userId, Promise.resolve(next));
    return next;
  }

  private async read(userId: string): Promise<CartRecord> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { userId }, ConsistentRead: true }),
    );
    return (output.Item as CartRecord | undefined) ?? { userId, items: [], version: 0 };
  }
}
