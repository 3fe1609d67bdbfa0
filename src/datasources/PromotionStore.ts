import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normalisePromotionCode } from './keys';
import type { Page, PageRequest, PromotionRecord } from './models';
import { queryPage } from './pagedQuery';
import { writeRetryingContention } from './transactions';

/** Longer input cannot be a code; refusing it early keeps oversized keys away from DynamoDB. */
export const MAX_PROMOTION_CODE_LENGTH = 64;
const LISTING = 'ALL';
const BY_CODE_INDEX = 'byCode';

/**
 * Promotions table: key `code`, stored upper case so lookups are case-insensitive. GSI `byCode`
 * (partition `listing` = "ALL", sort `code`) lists them for staff. Items written before codes had
 * kinds hold only `percentage`: they read as active, unlimited percentage codes.
 */
type StoredPromotion = Omit<PromotionRecord, 'kind' | 'value' | 'timesUsed' | 'active'> &
  Partial<Pick<PromotionRecord, 'kind' | 'value' | 'timesUsed' | 'active'>> & {
    listing?: string;
    percentage?: number;
  };

/** Fields staff change; `null` removes an optional one. */
export type PromotionChanges = {
  [Field in Exclude<keyof PromotionRecord, 'code' | 'timesUsed'>]?: PromotionRecord[Field] | null;
};

export class PromotionStore {
  private readonly byCode = new Map<string, Promise<PromotionRecord | null>>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Access pattern: GetItem by `code`. Memoised per request: a cart's discount and a mutation's validation share one read. */
  async getByCode(code: string): Promise<PromotionRecord | null> {
    const normalised = normalisePromotionCode(code);
    if (normalised.length === 0 || normalised.length > MAX_PROMOTION_CODE_LENGTH) return null;
    let promotion = this.byCode.get(normalised);
    if (!promotion) {
      promotion = this.client
        .send(new GetCommand({ TableName: this.tableName, Key: { code: normalised } }))
        .then((output) => (output.Item ? toRecord(output.Item as StoredPromotion) : null));
      this.byCode.set(normalised, promotion);
    }
    return promotion;
  }

  /**
   * Access pattern: GetItem by `code`, strongly consistent and uncached: for checkout, which
   * decides on what it reads and reads again on every attempt.
   */
  async getLatestByCode(code: string): Promise<PromotionRecord | null> {
    const normalised = normalisePromotionCode(code);
    if (normalised.length === 0 || normalised.length > MAX_PROMOTION_CODE_LENGTH) return null;
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { code: normalised }, ConsistentRead: true }),
    );
    return output.Item ? toRecord(output.Item as StoredPromotion) : null;
  }

  /** Access pattern: Query `byCode`, codes in order, after the cursor's code. */
  list(page: PageRequest): Promise<Page<PromotionRecord>> {
    return queryPage(
      this.client,
      {
        collection: 'promotion',
        input: {
          TableName: this.tableName,
          IndexName: BY_CODE_INDEX,
          KeyConditionExpression: '#listing = :listing',
          ExpressionAttributeNames: { '#listing': 'listing' },
          ExpressionAttributeValues: { ':listing': LISTING },
        },
        partition: { listing: LISTING },
        cursorFields: ['code'],
        toNode: toRecord,
      },
      page,
    );
  }

  /** Access pattern: PutItem if no promotion has the code. Null when it is taken. */
  async create(promotion: PromotionRecord): Promise<PromotionRecord | null> {
    try {
      await writeRetryingContention(() =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: toStored(promotion),
            ConditionExpression: 'attribute_not_exists(#code)',
            ExpressionAttributeNames: { '#code': 'code' },
          }),
        ),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
    this.byCode.delete(promotion.code);
    return promotion;
  }

  /**
   * Access pattern: UpdateItem SET/REMOVE if the promotion exists and is still of `readKind` (the
   * value was checked against it). Null when it does not, or changed kind meanwhile.
   */
  async update(
    code: string,
    changes: PromotionChanges,
    readKind: PromotionRecord['kind'],
  ): Promise<PromotionRecord | null> {
    const names: Record<string, string> = { '#code': 'code', '#kind': 'kind', '#percentage': 'percentage' };
    const values: Record<string, unknown> = { ':readKind': readKind };
    const set: string[] = ['#listing = :listing'];
    names['#listing'] = 'listing';
    values[':listing'] = LISTING;
    const remove: string[] = ['#percentage'];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      if (value === null) remove.push(`#${field}`);
      else {
        values[`:${field}`] = value;
        set.push(`#${field} = :${field}`);
      }
    }
    try {
      const output = await writeRetryingContention(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { code },
            // An item from before kinds has none: it is a percentage code.
            ConditionExpression:
              'attribute_exists(#code) AND (#kind = :readKind OR attribute_not_exists(#kind))',
            UpdateExpression: `SET ${set.join(', ')} REMOVE ${remove.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      this.byCode.delete(code);
      return toRecord(output.Attributes as StoredPromotion);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  /** Writes a promotion as it is (seeding and tests; the API writes through `create`). */
  async put(promotion: Pick<PromotionRecord, 'code'> & Partial<PromotionRecord>): Promise<void> {
    const item = toStored({ kind: 'PERCENTAGE', value: 0, timesUsed: 0, active: true, ...promotion });
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    this.byCode.delete(item.code);
  }
}

function toStored(promotion: PromotionRecord): StoredPromotion {
  return { ...promotion, code: normalisePromotionCode(promotion.code), listing: LISTING };
}

function toRecord({ listing: _listing, percentage, ...stored }: StoredPromotion): PromotionRecord {
  return {
    ...stored,
    kind: stored.kind ?? 'PERCENTAGE',
    value: stored.value ?? percentage ?? 0,
    timesUsed: stored.timesUsed ?? 0,
    active: stored.active ?? true,
  };
}
