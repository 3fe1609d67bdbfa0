import { saveCart } from '../../../../src/domain/cartOperations';
import { product, refusalOf, SAVED_AT } from '../../../support/stubContext';
import { aliceCart, stores } from './cartFixtures';

/** The refusal of an edit whose cart would cost more than GraphQL's Int can show. */
const MONEY_OUT_OF_RANGE = {
  code: 'BAD_USER_INPUT',
  message: 'The cart would cost more than 2147483647 cents, the largest amount there can be',
  details: { field: 'cart' },
};

describe('saveCart', () => {
  test('replaces the whole content with one write over the version it read', async () => {
    // Prepare
    const before = aliceCart([{ productId: 'lonely-bird', quantity: 2 }], { promotionCode: 'WELCOME10' });
    const stubs = stores([before]);

    // Act
    const cart = await saveCart(stubs, 'alice', { items: [{ productId: 'rare', quantity: 3 }] });

    // Assess
    expect(cart).toEqual({
      userId: 'alice',
      items: [{ productId: 'rare', quantity: 3 }],
      version: 8,
      updatedAt: SAVED_AT,
    });
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
    expect(stubs.carts.save).toHaveBeenCalledWith(before, { items: [{ productId: 'rare', quantity: 3 }] });
  });

  test('accepts 97 lines, as many as one checkout can buy (its transaction also counts the promotion’s use)', async () => {
    // Prepare
    const catalogue = Array.from({ length: 97 }, (_, index) => product({ id: `p-${index}` }));
    const stubs = stores([], { products: catalogue });
    const items = catalogue.map(({ id }) => ({ productId: id, quantity: 1 }));

    // Act
    const cart = await saveCart(stubs, 'alice', { items });

    // Assess
    expect(cart.items).toHaveLength(97);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });

  test('refuses 98 lines with BAD_USER_INPUT before reading anything', async () => {
    // Prepare
    const stubs = stores();
    const items = Array.from({ length: 98 }, (_, index) => ({ productId: `p-${index}`, quantity: 1 }));

    // Act
    const replacing = saveCart(stubs, 'alice', { items });

    // Assess
    expect(await refusalOf(replacing)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A cart holds at most 97 lines',
      details: { field: 'items' },
    });
    expect(stubs.products.getByIds).not.toHaveBeenCalled();
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses a product listed twice with BAD_USER_INPUT before reading anything', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const replacing = saveCart(stubs, 'alice', {
      items: [
        { productId: 'rare', quantity: 1 },
        { productId: 'lonely-bird', quantity: 1 },
        { productId: 'rare', quantity: 2 },
      ],
    });

    // Assess
    expect(await refusalOf(replacing)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Each product may appear only once in items',
      details: { field: 'items' },
    });
    expect(stubs.products.getByIds).not.toHaveBeenCalled();
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test.each([0, -1, 100, 1.5])(
    'refuses a line of quantity %p with BAD_USER_INPUT before reading anything',
    async (quantity) => {
      // Prepare
      const stubs = stores();

      // Act
      const replacing = saveCart(stubs, 'alice', {
        items: [
          { productId: 'lonely-bird', quantity: 1 },
          { productId: 'rare', quantity },
        ],
      });

      // Assess
      expect(await refusalOf(replacing)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'quantity must be between 1 and 99',
        details: { field: 'quantity' },
      });
      expect(stubs.products.getByIds).not.toHaveBeenCalled();
      expect(stubs.carts.getLatest).not.toHaveBeenCalled();
      expect(stubs.carts.save).not.toHaveBeenCalled();
    },
  );

  test('refuses unknown products with NOT_FOUND listing every one of them, and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const replacing = saveCart(stubs, 'alice', {
      items: [
        { productId: 'ghost-1', quantity: 1 },
        { productId: 'lonely-bird', quantity: 1 },
        { productId: 'ghost-2', quantity: 1 },
      ],
    });

    // Assess
    expect(await refusalOf(replacing)).toEqual({
      code: 'NOT_FOUND',
      message: 'Some products do not exist',
      details: { productIds: ['ghost-1', 'ghost-2'] },
    });
    expect(stubs.products.getByIds).toHaveBeenCalledTimes(1);
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses lines beyond the stock with OUT_OF_STOCK naming every short product, and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const replacing = saveCart(stubs, 'alice', {
      items: [
        { productId: 'rare', quantity: 4 },
        { productId: 'lonely-bird', quantity: 99 },
        { productId: 'scarce', quantity: 2 },
      ],
    });

    // Assess
    expect(await refusalOf(replacing)).toEqual({
      code: 'OUT_OF_STOCK',
      message: 'Not enough stock for Rare, Scarce',
      details: { productIds: ['rare', 'scarce'] },
    });
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('stores the promotion code as the catalogue spells it, whatever the case and spacing given', async () => {
    // Prepare
    const stubs = stores([]);

    // Act
    const cart = await saveCart(stubs, 'alice', {
      items: [{ productId: 'rare', quantity: 1 }],
      promotionCode: '  welcome10 ',
    });

    // Assess
    expect(cart.promotionCode).toBe('WELCOME10');
    expect(stubs.carts.save).toHaveBeenCalledWith(expect.anything(), {
      items: [{ productId: 'rare', quantity: 1 }],
      promotionCode: 'WELCOME10',
    });
  });

  test('refuses an unknown promotion code with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const replacing = saveCart(stubs, 'alice', {
      items: [{ productId: 'rare', quantity: 1 }],
      promotionCode: 'nope',
    });

    // Assess
    expect(await refusalOf(replacing)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Unknown promotion code "NOPE"',
      details: { field: 'promotionCode' },
    });
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses lines whose subtotal together exceeds the largest Int amount before writing anything', async () => {
    // Prepare: 2,000,000,000 + 147,483,648 is one cent past 2,147,483,647.
    const catalogue = [
      product({ id: 'gold', price: 2_000_000_000 }),
      product({ id: 'silver', price: 147_483_648 }),
    ];
    const stubs = stores([], { products: catalogue });
    const items = [
      { productId: 'gold', quantity: 1 },
      { productId: 'silver', quantity: 1 },
    ];

    // Act
    const replacing = saveCart(stubs, 'alice', { items });

    // Assess
    expect(await refusalOf(replacing)).toEqual(MONEY_OUT_OF_RANGE);
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });
});
