import type { PromotionRecord } from '../../../src/datasources/models';
import { applicability, discountOf } from '../../../src/domain/promotions';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const code = (terms: Partial<PromotionRecord> = {}): PromotionRecord => ({
  code: 'XMAS',
  kind: 'PERCENTAGE',
  value: 10,
  timesUsed: 0,
  active: true,
  ...terms,
});

describe('applicability', () => {
  test.each<[string, Partial<PromotionRecord>, boolean]>([
    ['with no terms', {}, true],
    ['from the instant it starts', { startsAt: NOW.toISOString() }, true],
    ['not a millisecond before', { startsAt: '2026-12-01T12:00:00.001Z' }, false],
    ['until a millisecond before it ends', { endsAt: '2026-12-01T12:00:00.001Z' }, true],
    ['not at the instant it ends', { endsAt: NOW.toISOString() }, false],
    ['with one use left', { usageLimit: 3, timesUsed: 2 }, true],
    ['not once its uses are taken', { usageLimit: 3, timesUsed: 3 }, false],
    ['not while inactive', { active: false }, false],
  ])('a code applies %s: %s', (_case, terms, applies) => {
    expect(applicability(code(terms), NOW).applicable).toBe(applies);
  });

  test('says first that a code is inactive, whatever else is wrong with it', () => {
    expect(applicability(code({ active: false, endsAt: '2001-01-01T00:00:00.000Z' }), NOW)).toEqual({
      applicable: false,
      reason: 'inactive',
      message: 'The code XMAS is not active',
    });
  });
});

describe('discountOf', () => {
  test('takes a percentage rounded half up, and a fixed amount up to the subtotal', () => {
    expect(discountOf(code({ value: 10 }), 2999, NOW)).toEqual({
      discount: 300,
      discountPercentage: 10,
      notice: null,
    });
    expect(discountOf(code({ kind: 'FIXED_AMOUNT', value: 500 }), 499, NOW)).toEqual({
      discount: 499,
      discountPercentage: 0,
      notice: null,
    });
  });

  test('discounts from the minimum on, and below it says why it does not', () => {
    const withMinimum = code({ minimumSubtotal: 1000 });

    expect(discountOf(withMinimum, 1000, NOW).discount).toBe(100);
    expect(discountOf(withMinimum, 999, NOW)).toEqual({
      discount: 0,
      discountPercentage: 0,
      notice: 'The code XMAS needs a subtotal of at least 1000 cents',
    });
  });

  test('gives nothing, with the reason, for a code that does not apply, and nothing without a code', () => {
    expect(discountOf(code({ usageLimit: 1, timesUsed: 1 }), 5000, NOW)).toEqual({
      discount: 0,
      discountPercentage: 0,
      notice: 'The code XMAS has been used as often as it may be',
    });
    expect(discountOf(null, 5000, NOW)).toEqual({ discount: 0, discountPercentage: 0, notice: null });
  });
});
