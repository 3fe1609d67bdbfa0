import { addToCart } from '../../../../src/domain/cartOperations';
import { MAX_AMOUNT } from '../../../../src/domain/pricing';
import { product, refusalOf, SAVED_AT } from '../../../support/stubContext';
import { aliceCart, NEARLY_FULL_LINE, stores } from './cartFixtures';

/** The refusal of an edit whose cart would cost more than GraphQL's Int can show. */
const MONEY_OUT_OF_RANGE = {
  code: 'BAD_USER_INPUT',
  message: 'The cart would cost more than 2147483647 cents, the largest amount there can be',
  details: { field: 'cart' },
};

describe('addToCart', () => {
  test.each([0, -1, 100])(
    'refuses quantity %i with BAD_USER_INPUT before reading the product or the cart',
    async (quantity) => {
      // Prepare
      const stubs = stores();

      // Act
      const adding = addToCart(stubs, 'alice', 'rare', quantity);

      // Assess
      expect(await refusalOf(adding)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'quantity must be between 1 and 99',
        details: { field: 'quantity' },
      });
      expect(stubs.products.getById).not.toHaveBeenCalled();
      expect(stubs.carts.getLatest).not.toHaveBeenCalled();
      expect(stubs.carts.save).not.toHaveBeenCalled();
    },
  );

  test('refuses an unknown product with NOT_FOUND before reading the cart', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const adding = addToCart(stubs, 'alice', 'ghost', 1);

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'NOT_FOUND',
      message: 'No product has id "ghost"',
      details: { productId: 'ghost' },
    });
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses more units than in stock with OUT_OF_STOCK and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const adding = addToCart(stubs, 'alice', 'rare', 4);

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'OUT_OF_STOCK',
      message: 'Not enough stock for Rare',
      details: { productIds: ['rare'] },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('counts the units already in the cart against the stock', async () => {
    // Prepare: 2 of the 3 Rare are in the cart already.
    const stubs = stores([aliceCart([{ productId: 'rare', quantity: 2 }])]);

    // Act
    const adding = addToCart(stubs, 'alice', 'rare', 2);

    // Assess
    expect(await refusalOf(adding)).toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { productIds: ['rare'] },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses a line that would exceed 99 units with BAD_USER_INPUT instead of capping it', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const adding = addToCart(stubs, 'alice', 'lonely-bird', 2);

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The cart already holds 98; a line holds at most 99',
      details: { field: 'quantity' },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses a 98th different product with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare: 97 lines, as many as one checkout can buy (its transaction also counts the promotion's use).
    const fullCart = aliceCart(
      Array.from({ length: 97 }, (_, index) => ({ productId: `p-${index}`, quantity: 1 })),
    );
    const stubs = stores([fullCart]);

    // Act
    const adding = addToCart(stubs, 'alice', 'rare', 1);

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A cart holds at most 97 different products',
      details: { field: 'productId' },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('adds to an existing line with one write over the version it read', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const cart = await addToCart(stubs, 'alice', 'lonely-bird', 1);

    // Assess
    expect(cart).toEqual({
      userId: 'alice',
      items: [{ productId: 'lonely-bird', quantity: 99 }],
      version: 5,
      updatedAt: SAVED_AT,
    });
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
    expect(stubs.carts.save).toHaveBeenCalledWith(
      { userId: 'alice', items: [{ productId: 'lonely-bird', quantity: 98 }], version: 4 },
      expect.objectContaining({ items: [{ productId: 'lonely-bird', quantity: 99 }] }),
    );
  });

  test('appends a new product as the last line, keeping the promotion code', async () => {
    // Prepare
    const stubs = stores([{ ...NEARLY_FULL_LINE, promotionCode: 'WELCOME10' }]);

    // Act
    const cart = await addToCart(stubs, 'alice', 'rare', 1);

    // Assess
    expect(cart.items).toEqual([
      { productId: 'lonely-bird', quantity: 98 },
      { productId: 'rare', quantity: 1 },
    ]);
    expect(cart.promotionCode).toBe('WELCOME10');
  });

  test('refuses a line whose subtotal would exceed the largest Int amount with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const stubs = stores([], { products: [product({ id: 'gold', price: MAX_AMOUNT })] });

    // Act
    const adding = addToCart(stubs, 'alice', 'gold', 2);

    // Assess
    expect(await refusalOf(adding)).toEqual(MONEY_OUT_OF_RANGE);
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('accepts a cart whose subtotal is exactly the largest Int amount', async () => {
    // Prepare
    const stubs = stores([], { products: [product({ id: 'gold', price: MAX_AMOUNT })] });

    // Act
    const cart = await addToCart(stubs, 'alice', 'gold', 1);

    // Assess
    expect(cart.items).toEqual([{ productId: 'gold', quantity: 1 }]);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });
});
