import type { TestApp } from './testApp';
import { dataOf } from './storeApi';

/** The staff's promotion operations as a client sends them. */
export const PROMOTION_FIELDS = 'code kind value minimumSubtotal startsAt endsAt usageLimit timesUsed active';

export const CREATE_PROMOTION = `mutation Create($input: PromotionInput!) {
  createPromotion(input: $input) { ${PROMOTION_FIELDS} }
}`;
export const UPDATE_PROMOTION = `mutation Update($code: String!, $input: PromotionUpdateInput!) {
  updatePromotion(code: $code, input: $input) { ${PROMOTION_FIELDS} }
}`;
export const PROMOTIONS = `query Promotions($first: Int, $after: String) {
  promotions(first: $first, after: $after) { nodes { ${PROMOTION_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;

export interface PromotionView {
  code: string;
  kind: 'PERCENTAGE' | 'FIXED_AMOUNT';
  value: number;
  minimumSubtotal: number | null;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  timesUsed: number;
  active: boolean;
}

/** Creates a promotion as staff; the input is PromotionInput. */
export async function createPromotionOk(
  app: TestApp,
  staffToken: string,
  input: Record<string, unknown>,
): Promise<PromotionView> {
  const response = await app.graphql<{ createPromotion: PromotionView }>(
    { query: CREATE_PROMOTION, variables: { input } },
    { token: staffToken },
  );
  return dataOf(response).createPromotion;
}
