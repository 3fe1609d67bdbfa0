import type { PromotionKind, PromotionRecord } from '../datasources/models';

/**
 * When a promotion code discounts a cart, and by how much. A code is applicable while it is
 * active, started, not expired and not used up; it then discounts a subtotal that reaches its
 * minimum: a percentage rounded half up to the cent, or a fixed amount never above the subtotal.
 */
export type Applicability =
  | { applicable: true }
  | { applicable: false; reason: 'inactive' | 'notStarted' | 'expired' | 'usedUp'; message: string };

export function applicability(promotion: PromotionRecord, now: Date): Applicability {
  const at = now.toISOString();
  if (!promotion.active) {
    return { applicable: false, reason: 'inactive', message: `The code ${promotion.code} is not active` };
  }
  if (promotion.startsAt !== undefined && at < promotion.startsAt) {
    return {
      applicable: false,
      reason: 'notStarted',
      message: `The code ${promotion.code} starts at ${promotion.startsAt}`,
    };
  }
  if (promotion.endsAt !== undefined && at >= promotion.endsAt) {
    return {
      applicable: false,
      reason: 'expired',
      message: `The code ${promotion.code} expired at ${promotion.endsAt}`,
    };
  }
  if (promotion.usageLimit !== undefined && promotion.timesUsed >= promotion.usageLimit) {
    return {
      applicable: false,
      reason: 'usedUp',
      message: `The code ${promotion.code} has been used as often as it may be`,
    };
  }
  return { applicable: true };
}

export interface Discount {
  discount: number;
  /** The percentage for a percentage code that discounts; 0 otherwise. */
  discountPercentage: number;
  /** Why a code on the cart discounts nothing now; null when it discounts, or there is none. */
  notice: string | null;
}

const NO_DISCOUNT: Discount = { discount: 0, discountPercentage: 0, notice: null };

export function discountOf(promotion: PromotionRecord | null, subtotal: number, now: Date): Discount {
  if (!promotion) return NO_DISCOUNT;
  const verdict = applicability(promotion, now);
  if (!verdict.applicable) return { ...NO_DISCOUNT, notice: verdict.message };
  if (promotion.minimumSubtotal !== undefined && subtotal < promotion.minimumSubtotal) {
    return {
      ...NO_DISCOUNT,
      notice: `The code ${promotion.code} needs a subtotal of at least ${promotion.minimumSubtotal} cents`,
    };
  }
  return promotion.kind === 'PERCENTAGE'
    ? { discount: percentOf(subtotal, promotion.value), discountPercentage: promotion.value, notice: null }
    : { discount: Math.min(promotion.value, subtotal), discountPercentage: 0, notice: null };
}

/**
 * Integer cents: `subtotal × percentage / 100`, rounded half up to the cent (10 % of 2999 = 299.9
 * → 300; 50 % of 1999 = 999.5 → 1000). Never float arithmetic.
 */
export function percentOf(subtotal: number, percentage: number): number {
  return Math.floor((subtotal * percentage + 50) / 100);
}

/** The largest `value` of each kind: a whole percentage, or GraphQL's largest Int of cents. */
export const MAX_PROMOTION_VALUE: Readonly<Record<PromotionKind, number>> = {
  PERCENTAGE: 100,
  FIXED_AMOUNT: 2_147_483_647,
};
