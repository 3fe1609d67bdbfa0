import { removeFromCart } from '../../../../src/domain/cartOperations';
import { refusalOf } from '../../../support/stubContext';
import { aliceCart, NEARLY_FULL_LINE, stores } from './cartFixtures';

describe('removeFromCart', () => {
  test('removes a line whose product has since left the catalogue', async () => {
    // Prepare
    const stubs = stores([
      aliceCart([
        { productId: 'discontinued', quantity: 2 },
        { productId: 'rare', quantity: 1 },
      ]),
    ]);

    // Act
    const cart = await removeFromCart(stubs, 'alice', 'discontinued');

    // Assess
    expect(cart.items).toEqual([{ productId: 'rare', quantity: 1 }]);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });

  test('refuses an unknown product that is not in the cart with NOT_FOUND and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const removing = removeFromCart(stubs, 'alice', 'ghost');

    // Assess
    expect(await refusalOf(removing)).toEqual({
      code: 'NOT_FOUND',
      message: 'No product has id "ghost"',
      details: { productId: 'ghost' },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('returns the cart as it is, writing nothing, for a known product that is not in it', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const cart = await removeFromCart(stubs, 'alice', 'rare');

    // Assess
    expect(cart).toEqual(NEARLY_FULL_LINE);
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });
});
