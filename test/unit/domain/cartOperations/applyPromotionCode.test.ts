import { applyPromotionCode } from '../../../../src/domain/cartOperations';
import { promotion, refusalOf } from '../../../support/stubContext';
import { aliceCart, NEARLY_FULL_LINE, stores } from './cartFixtures';

describe('applyPromotionCode', () => {
  test('applies a code in any case, stored as the catalogue spells it', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const cart = await applyPromotionCode(stubs, 'alice', 'Welcome10');

    // Assess
    expect(cart).toMatchObject({ items: NEARLY_FULL_LINE.items, promotionCode: 'WELCOME10' });
    expect(stubs.carts.save).toHaveBeenCalledWith(NEARLY_FULL_LINE, {
      items: NEARLY_FULL_LINE.items,
      promotionCode: 'WELCOME10',
    });
  });

  test('clears the code when given null, keeping the lines', async () => {
    // Prepare
    const before = aliceCart([{ productId: 'rare', quantity: 1 }], { promotionCode: 'WELCOME10' });
    const stubs = stores([before]);

    // Act
    const cart = await applyPromotionCode(stubs, 'alice', null);

    // Assess
    expect(cart).not.toHaveProperty('promotionCode');
    expect(stubs.carts.save).toHaveBeenCalledWith(before, { items: [{ productId: 'rare', quantity: 1 }] });
  });

  test('refuses an unknown code with BAD_USER_INPUT naming it, before reading the cart', async () => {
    // Prepare
    const stubs = stores([aliceCart([], { promotionCode: 'WELCOME10' })]);

    // Act
    const applying = applyPromotionCode(stubs, 'alice', ' spring24 ');

    // Assess
    expect(await refusalOf(applying)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Unknown promotion code "SPRING24"',
      details: { field: 'promotionCode' },
    });
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test.each([
    ['inactive', promotion({ code: 'PAUSED', active: false }), 'The code PAUSED is not active'],
    [
      'notStarted',
      promotion({ code: 'LATER', startsAt: '2999-01-01T00:00:00.000Z' }),
      'The code LATER starts at 2999-01-01T00:00:00.000Z',
    ],
    [
      'expired',
      promotion({ code: 'BYGONE', endsAt: '2000-01-01T00:00:00.000Z' }),
      'The code BYGONE expired at 2000-01-01T00:00:00.000Z',
    ],
    [
      'usedUp',
      promotion({ code: 'SPENT', usageLimit: 3, timesUsed: 3 }),
      'The code SPENT has been used as often as it may be',
    ],
  ])(
    'refuses a code that is %s with BAD_USER_INPUT saying why, writing nothing',
    async (reason, code, message) => {
      // Prepare
      const stubs = stores(undefined, { promotions: [code] });

      // Act
      const applying = applyPromotionCode(stubs, 'alice', code.code.toLowerCase());

      // Assess
      expect(await refusalOf(applying)).toEqual({
        code: 'BAD_USER_INPUT',
        message,
        details: { field: 'promotionCode', reason },
      });
      expect(stubs.carts.save).not.toHaveBeenCalled();
    },
  );

  test('keeps a code whose minimum the cart does not reach yet (pricing then gives no discount and says why)', async () => {
    // Prepare: one Rare (500) is far below the 3000 minimum.
    const before = aliceCart([{ productId: 'rare', quantity: 1 }]);
    const fiveOff = promotion({ code: 'FIVEOFF', kind: 'FIXED_AMOUNT', value: 500, minimumSubtotal: 3000 });
    const stubs = stores([before], { promotions: [fiveOff] });

    // Act
    const cart = await applyPromotionCode(stubs, 'alice', 'fiveoff');

    // Assess
    expect(cart.promotionCode).toBe('FIVEOFF');
    expect(stubs.carts.save).toHaveBeenCalledWith(before, {
      items: [{ productId: 'rare', quantity: 1 }],
      promotionCode: 'FIVEOFF',
    });
  });
});
