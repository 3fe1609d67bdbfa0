import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normalisePromotionCode } from './keys';
import type { PromotionRecord } from './models';

/** Longer input cannot be a code; refusing it early keeps oversized keys away from DynamoDB. */
const MAX_CODE_LENGTH = 64;

/** Promotions table: key `code`, stored upper case so lookups are case-insensitive. */
export class PromotionStore {
  private readonly byCode = new Map<string, Promise<PromotionRecord | null>>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Memoised per request: a cart's discount and a mutation's validation share one read. */
  async getByCode(code: string): Promise<PromotionRecord | null> {
    const normalised = normalisePromotionCode(code);
    if (normalised.length === 0 || normalised.length > MAX_CODE_LENGTH) return null;
    let promotion = this.byCode.get(normalised);
    if (!promotion) {
      promotion = this.client
        .send(new GetCommand({ TableName: this.tableName, Key: { code: normalised } }))
        .then((output) => (output.Item as PromotionRecord | undefined) ?? null);
      this.byCode.set(normalised, promotion);
    }
    return promotion;
  }

  /** Writes a promotion (seeding and administration; the API itself never calls it). */
  async put(promotion: PromotionRecord): Promise<void> {
    const item = { ...promotion, code: normalisePromotionCode(promotion.code) };
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    this.byCode.delete(item.code);
  }
}
