import { updateCartItem } from '../../../../src/domain/cartOperations';
import { MAX_AMOUNT } from '../../../../src/domain/pricing';
import { product, refusalOf } from '../../../support/stubContext';
import { aliceCart, NEARLY_FULL_LINE, stores } from './cartFixtures';

/** The refusal of an edit whose cart would cost more than GraphQL's Int can show. */
const MONEY_OUT_OF_RANGE = {
  code: 'BAD_USER_INPUT',
  message: 'The cart would cost more than 2147483647 cents, the largest amount there can be',
  details: { field: 'cart' },
};

describe('updateCartItem', () => {
  test('sets the quantity of an existing line, keeping the line order', async () => {
    // Prepare
    const stubs = stores([
      aliceCart([
        { productId: 'rare', quantity: 1 },
        { productId: 'lonely-bird', quantity: 1 },
      ]),
    ]);

    // Act
    const cart = await updateCartItem(stubs, 'alice', 'rare', 3);

    // Assess
    expect(cart.items).toEqual([
      { productId: 'rare', quantity: 3 },
      { productId: 'lonely-bird', quantity: 1 },
    ]);
  });

  test('removes the line when set to 0', async () => {
    // Prepare
    const stubs = stores([
      aliceCart([
        { productId: 'rare', quantity: 1 },
        { productId: 'lonely-bird', quantity: 1 },
      ]),
    ]);

    // Act
    const cart = await updateCartItem(stubs, 'alice', 'rare', 0);

    // Assess
    expect(cart.items).toEqual([{ productId: 'lonely-bird', quantity: 1 }]);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });

  test('setting 0 of a line that is not in the cart returns the cart as it is and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const cart = await updateCartItem(stubs, 'alice', 'rare', 0);

    // Assess
    expect(cart).toEqual(NEARLY_FULL_LINE);
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test.each([-1, 100, 2.5])(
    'refuses quantity %p with BAD_USER_INPUT before reading anything',
    async (quantity) => {
      // Prepare
      const stubs = stores();

      // Act
      const setting = updateCartItem(stubs, 'alice', 'rare', quantity);

      // Assess
      expect(await refusalOf(setting)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'quantity must be between 0 and 99',
        details: { field: 'quantity' },
      });
      expect(stubs.products.getById).not.toHaveBeenCalled();
      expect(stubs.carts.getForUser).not.toHaveBeenCalled();
      expect(stubs.carts.getLatest).not.toHaveBeenCalled();
      expect(stubs.carts.save).not.toHaveBeenCalled();
    },
  );

  test('refuses more units than in stock with OUT_OF_STOCK and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const setting = updateCartItem(stubs, 'alice', 'rare', 4);

    // Assess
    expect(await refusalOf(setting)).toEqual({
      code: 'OUT_OF_STOCK',
      message: 'Not enough stock for Rare',
      details: { productIds: ['rare'] },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test.each([1, 0])(
    'refuses quantity %i of an unknown product that is not in the cart with NOT_FOUND naming it',
    async (quantity) => {
      // Prepare
      const stubs = stores();

      // Act
      const setting = updateCartItem(stubs, 'alice', 'ghost', quantity);

      // Assess
      expect(await refusalOf(setting)).toEqual({
        code: 'NOT_FOUND',
        message: 'No product has id "ghost"',
        details: { productId: 'ghost' },
      });
      expect(stubs.carts.save).not.toHaveBeenCalled();
    },
  );

  test('refuses raising a line past the largest Int amount with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const stubs = stores([aliceCart([{ productId: 'gold', quantity: 1 }])], {
      products: [product({ id: 'gold', price: MAX_AMOUNT })],
    });

    // Act
    const setting = updateCartItem(stubs, 'alice', 'gold', 2);

    // Assess
    expect(await refusalOf(setting)).toEqual(MONEY_OUT_OF_RANGE);
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('writes a lowered line of a cart already over the limit because its product was repriced', async () => {
    // Prepare: 3 units were added at a low price; the product now costs the largest Int amount,
    // so even 2 units stay over the limit.
    const stubs = stores([aliceCart([{ productId: 'gold', quantity: 3 }])], {
      products: [product({ id: 'gold', price: MAX_AMOUNT })],
    });

    // Act
    const cart = await updateCartItem(stubs, 'alice', 'gold', 2);

    // Assess
    expect(cart.items).toEqual([{ productId: 'gold', quantity: 2 }]);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });
});
