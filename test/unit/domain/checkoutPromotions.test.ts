import type { PromotionRecord } from '../../../src/datasources/models';
import type { PlaceOrderResult } from '../../../src/datasources/orderItems';
import { checkout } from '../../../src/domain/checkout';
import { fakeClock } from '../../support/fakeClock';
import { promotion, refusalOf } from '../../support/stubContext';
import { CART, stubCheckout } from './checkoutStubs';

describe('checkout of a cart with a promotion code', () => {
  const NOW = new Date('2026-11-22T10:00:00.000Z');
  const WELCOME10 = promotion({
    code: 'WELCOME10',
    kind: 'PERCENTAGE',
    value: 10,
    usageLimit: 5,
    timesUsed: 4,
  });

  /** CART (2 birds, 5998) with `code` on it, the promotion read as `terms` unless a test scripts more. */
  function stubWithCode(code: string, terms: PromotionRecord | null, outcomes: PlaceOrderResult[] = []) {
    const stub = stubCheckout(outcomes);
    stub.carts.getLatest.mockResolvedValue({ ...CART, promotionCode: code });
    stub.promotions.getLatestByCode.mockResolvedValue(terms);
    return stub;
  }

  test('records the code and its discount on the order', async () => {
    // Prepare
    const { stores, promotions } = stubWithCode('WELCOME10', WELCOME10);

    // Act
    const order = await checkout(stores, 'alice', 'key-p1', { clock: fakeClock(), now: () => NOW });

    // Assess: 10 % of 5998 = 599.8 → 600.
    expect(order).toMatchObject({
      promotionCode: 'WELCOME10',
      discountPercentage: 10,
      subtotal: 5998,
      discount: 600,
      total: 5398,
    });
    expect(promotions.getLatestByCode).toHaveBeenCalledWith('WELCOME10');
  });

  test('records a fixed amount as its discount, with no percentage', async () => {
    // Prepare
    const fiveOff = promotion({ code: 'FIVEOFF', kind: 'FIXED_AMOUNT', value: 500, minimumSubtotal: 3000 });
    const { stores } = stubWithCode('FIVEOFF', fiveOff);

    // Act
    const order = await checkout(stores, 'alice', 'key-p2', { clock: fakeClock(), now: () => NOW });

    // Assess
    expect(order).toMatchObject({
      promotionCode: 'FIVEOFF',
      discountPercentage: 0,
      subtotal: 5998,
      discount: 500,
      total: 5498,
    });
  });

  test('buys at full price, recording no code, when the cart misses the code’s minimum (as the cart showed)', async () => {
    // Prepare
    const bigSpender = promotion({
      code: 'BIGSPENDER',
      kind: 'FIXED_AMOUNT',
      value: 1000,
      minimumSubtotal: 6000,
    });
    const { stores } = stubWithCode('BIGSPENDER', bigSpender);

    // Act
    const order = await checkout(stores, 'alice', 'key-p3', { clock: fakeClock(), now: () => NOW });

    // Assess
    expect(order).not.toHaveProperty('promotionCode');
    expect(order).toMatchObject({ discountPercentage: 0, subtotal: 5998, discount: 0, total: 5998 });
  });

  test.each([
    [
      'deactivated',
      promotion({ code: 'WELCOME10', active: false }),
      'The code WELCOME10 is not active: remove it from the cart or use another',
    ],
    [
      'expired at the moment of checkout',
      promotion({ code: 'WELCOME10', endsAt: NOW.toISOString() }),
      'The code WELCOME10 expired at 2026-11-22T10:00:00.000Z: remove it from the cart or use another',
    ],
    [
      'used up',
      promotion({ code: 'WELCOME10', usageLimit: 5, timesUsed: 5 }),
      'The code WELCOME10 has been used as often as it may be: remove it from the cart or use another',
    ],
    ['gone', null, 'The code WELCOME10 no longer exists: remove it from the cart or use another'],
  ])(
    'refuses a cart whose code was %s since it was applied, placing nothing',
    async (_what, terms, message) => {
      // Prepare
      const { stores, orders } = stubWithCode('WELCOME10', terms);

      // Act
      const placing = checkout(stores, 'alice', 'key-p4', { clock: fakeClock(), now: () => NOW });

      // Assess
      expect(await refusalOf(placing)).toEqual({
        code: 'BAD_USER_INPUT',
        message,
        details: { field: 'promotionCode' },
      });
      expect(orders.place).not.toHaveBeenCalled();
    },
  );

  test('reads the promotion afresh when another checkout used it up meanwhile, then refuses it', async () => {
    // Prepare: the first read has one use left; the transaction finds it taken.
    const { stores, orders, promotions } = stubWithCode('WELCOME10', WELCOME10, [
      { outcome: 'promotionChanged' },
    ]);
    promotions.getLatestByCode
      .mockResolvedValueOnce(WELCOME10)
      .mockResolvedValueOnce({ ...WELCOME10, timesUsed: 5 });

    // Act
    const placing = checkout(stores, 'alice', 'key-p5', { clock: fakeClock(), now: () => NOW });

    // Assess
    expect(await refusalOf(placing)).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'The code WELCOME10 has been used as often as it may be: remove it from the cart or use another',
      details: { field: 'promotionCode' },
    });
    expect(orders.place).toHaveBeenCalledTimes(1);
    expect(promotions.getLatestByCode).toHaveBeenCalledTimes(2);
  });

  test('retries a promotion that changed but still applies, and places the order', async () => {
    // Prepare: e.g. another checkout took the last use, then staff raised the limit.
    const { stores, orders } = stubWithCode('WELCOME10', WELCOME10, [{ outcome: 'promotionChanged' }]);

    // Act
    const order = await checkout(stores, 'alice', 'key-p6', { clock: fakeClock(), now: () => NOW });

    // Assess
    expect(order).toMatchObject({ status: 'PLACED', promotionCode: 'WELCOME10', discount: 600 });
    expect(orders.place).toHaveBeenCalledTimes(2);
  });
});
