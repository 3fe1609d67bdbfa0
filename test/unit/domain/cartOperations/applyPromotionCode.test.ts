import { applyPromotionCode } from '../../../../src/domain/cartOperations';
import { refusalOf } from '../../../support/stubContext';
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
});
