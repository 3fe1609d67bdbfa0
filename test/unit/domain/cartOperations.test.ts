import { setTimeout as backoff } from 'node:timers/promises';
import type { CartRecord } from '../../../src/datasources/models';
import { editCart } from '../../../src/domain/cartEditor';
import {
  addToCart,
  applyPromotionCode,
  removeFromCart,
  replaceCart,
  setCartLine,
} from '../../../src/domain/cartOperations';
import { VersionConflictError } from '../../../src/shared/errors';
import { product, refusalOf, SAVED_AT, stubStores, type StubData } from '../../support/stubContext';

// The operations take no clock (only editCart does), so the backoff after a lost save would be a
// real sleep: here it returns at once, and a test can count the backoffs.
jest.mock('node:timers/promises', () => ({
  ...jest.requireActual<Record<string, unknown>>('node:timers/promises'),
  setTimeout: jest.fn(async () => undefined),
}));

beforeEach(() => jest.mocked(backoff).mockClear());

/** Sleeps return at once and move this clock's time on, so budgets run out without waiting. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    sleep: jest.fn(async (ms: number) => void (time += ms)),
    random: () => 1,
  };
}

const LONELY_BIRD = product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999, stock: 100 });
const RARE = product({ id: 'rare', name: 'Rare', price: 500, stock: 3 });
const SCARCE = product({ id: 'scarce', name: 'Scarce', price: 700, stock: 1 });
const WELCOME10 = { code: 'WELCOME10', percentage: 10 };

/** Alice's cart as the tests of addToCart find it: 98 birds, written 4 times. */
const NEARLY_FULL_LINE: CartRecord = {
  userId: 'alice',
  items: [{ productId: 'lonely-bird', quantity: 98 }],
  version: 4,
};

/** The catalogue (Lonely Bird, Rare, Scarce), the WELCOME10 promotion, and the given carts. */
function stores(carts: CartRecord[] = [NEARLY_FULL_LINE], more: StubData = {}) {
  return stubStores({ products: [LONELY_BIRD, RARE, SCARCE], promotions: [WELCOME10], carts, ...more });
}

/** A cart of alice's with these lines. */
function aliceCart(items: CartRecord['items'], extra: Partial<CartRecord> = {}): CartRecord {
  return { userId: 'alice', items, version: 7, ...extra };
}

describe('replaceCart', () => {
  test('replaces the whole content with one write over the version it read', async () => {
    // Prepare
    const before = aliceCart([{ productId: 'lonely-bird', quantity: 2 }], { promotionCode: 'WELCOME10' });
    const stubs = stores([before]);

    // Act
    const cart = await replaceCart(stubs, 'alice', { items: [{ productId: 'rare', quantity: 3 }] });

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

  test('accepts 98 lines, as many as one checkout can buy', async () => {
    // Prepare
    const catalogue = Array.from({ length: 98 }, (_, index) => product({ id: `p-${index}` }));
    const stubs = stores([], { products: catalogue });
    const items = catalogue.map(({ id }) => ({ productId: id, quantity: 1 }));

    // Act
    const cart = await replaceCart(stubs, 'alice', { items });

    // Assess
    expect(cart.items).toHaveLength(98);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });

  test('refuses 99 lines with BAD_USER_INPUT before reading anything', async () => {
    // Prepare
    const stubs = stores();
    const items = Array.from({ length: 99 }, (_, index) => ({ productId: `p-${index}`, quantity: 1 }));

    // Act
    const replacing = replaceCart(stubs, 'alice', { items });

    // Assess
    expect(await refusalOf(replacing)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A cart holds at most 98 lines',
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
    const replacing = replaceCart(stubs, 'alice', {
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
      const replacing = replaceCart(stubs, 'alice', {
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
    const replacing = replaceCart(stubs, 'alice', {
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
      details: { field: 'items', productIds: ['ghost-1', 'ghost-2'] },
    });
    expect(stubs.products.getByIds).toHaveBeenCalledTimes(1);
    expect(stubs.carts.getLatest).not.toHaveBeenCalled();
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });

  test('refuses lines beyond the stock with OUT_OF_STOCK naming every short product, and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const replacing = replaceCart(stubs, 'alice', {
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
    const cart = await replaceCart(stubs, 'alice', {
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
    const replacing = replaceCart(stubs, 'alice', {
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
});

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
      details: { field: 'productId', productId: 'ghost' },
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

  test('refuses a 99th different product with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const fullCart = aliceCart(
      Array.from({ length: 98 }, (_, index) => ({ productId: `p-${index}`, quantity: 1 })),
    );
    const stubs = stores([fullCart]);

    // Act
    const adding = addToCart(stubs, 'alice', 'rare', 1);

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A cart holds at most 98 different products',
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
});

describe('setCartLine', () => {
  test('sets the quantity of an existing line, keeping the line order', async () => {
    // Prepare
    const stubs = stores([
      aliceCart([
        { productId: 'rare', quantity: 1 },
        { productId: 'lonely-bird', quantity: 1 },
      ]),
    ]);

    // Act
    const cart = await setCartLine(stubs, 'alice', 'rare', 3);

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
    const cart = await setCartLine(stubs, 'alice', 'rare', 0);

    // Assess
    expect(cart.items).toEqual([{ productId: 'lonely-bird', quantity: 1 }]);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });

  test('setting 0 of a line that is not in the cart returns the cart as it is and writes nothing', async () => {
    // Prepare
    const stubs = stores();

    // Act
    const cart = await setCartLine(stubs, 'alice', 'rare', 0);

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
      const setting = setCartLine(stubs, 'alice', 'rare', quantity);

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
    const setting = setCartLine(stubs, 'alice', 'rare', 4);

    // Assess
    expect(await refusalOf(setting)).toEqual({
      code: 'OUT_OF_STOCK',
      message: 'Not enough stock for Rare',
      details: { productIds: ['rare'] },
    });
    expect(stubs.carts.save).not.toHaveBeenCalled();
  });
});

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
      details: { field: 'productId', productId: 'ghost' },
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

describe('a cart save that loses to a concurrent writer', () => {
  /** Alice's cart with one bird; the concurrent writer (her other tab) sets the bird to `birds`. */
  function raceOnce(birds: number) {
    const carts = [aliceCart([{ productId: 'lonely-bird', quantity: 1 }], { version: 4 })];
    const stubs = stores(carts);
    const theirs = aliceCart([{ productId: 'lonely-bird', quantity: birds }], { version: 5 });
    stubs.carts.save.mockImplementationOnce(async () => {
      carts[0] = theirs; // the fakes read the carts array afresh on every call
      throw new VersionConflictError('alice');
    });
    return { stubs, theirs };
  }

  test('is re-read and re-applied on the fresh cart, so both changes survive', async () => {
    // Prepare
    const { stubs, theirs } = raceOnce(5);

    // Act
    const cart = await addToCart(stubs, 'alice', 'rare', 2);

    // Assess
    expect(cart.items).toEqual([
      { productId: 'lonely-bird', quantity: 5 },
      { productId: 'rare', quantity: 2 },
    ]);
    expect(stubs.carts.getLatest).toHaveBeenCalledTimes(2);
    expect(stubs.carts.save).toHaveBeenCalledTimes(2);
    expect(stubs.carts.save).toHaveBeenLastCalledWith(
      theirs,
      expect.objectContaining({
        items: [
          { productId: 'lonely-bird', quantity: 5 },
          { productId: 'rare', quantity: 2 },
        ],
      }),
    );
    expect(backoff).toHaveBeenCalledTimes(1);
  });

  test('is checked again against the fresh cart, which may now refuse it', async () => {
    // Prepare: the other writer leaves 98 birds, so adding 2 would make 100.
    const { stubs } = raceOnce(98);

    // Act
    const adding = addToCart(stubs, 'alice', 'lonely-bird', 2);

    // Assess
    expect(await refusalOf(adding)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The cart already holds 98; a line holds at most 99',
      details: { field: 'quantity' },
    });
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
  });
});

describe('editCart', () => {
  const addOneRare = (current: CartRecord) => ({
    items: [...current.items, { productId: 'rare', quantity: 1 }],
  });

  test('after losing 30 races in a row gives up with CONFLICT', async () => {
    // Prepare
    const stubs = stores();
    stubs.carts.save.mockRejectedValue(new VersionConflictError('alice'));
    const clock = fakeClock();

    // Act
    const editing = editCart(stubs.carts, 'alice', addOneRare, clock);

    // Assess
    expect(await refusalOf(editing)).toEqual({
      code: 'CONFLICT',
      message: 'The cart is being changed concurrently; try again',
      details: {},
    });
    expect(stubs.carts.getLatest).toHaveBeenCalledTimes(30);
    expect(stubs.carts.save).toHaveBeenCalledTimes(30);
    expect(clock.sleep).toHaveBeenCalledTimes(29);
  });

  test('still writes when the 30th attempt wins', async () => {
    // Prepare
    const stubs = stores();
    for (let lost = 0; lost < 29; lost += 1) {
      stubs.carts.save.mockRejectedValueOnce(new VersionConflictError('alice'));
    }

    // Act
    const cart = await editCart(stubs.carts, 'alice', addOneRare, fakeClock());

    // Assess
    expect(cart.items).toEqual([...NEARLY_FULL_LINE.items, { productId: 'rare', quantity: 1 }]);
    expect(stubs.carts.save).toHaveBeenCalledTimes(30);
  });

  test('does not retry a save that fails for any other reason', async () => {
    // Prepare
    const stubs = stores();
    const outage = new Error('ProvisionedThroughputExceededException');
    stubs.carts.save.mockRejectedValueOnce(outage);
    const clock = fakeClock();

    // Act
    const editing = editCart(stubs.carts, 'alice', addOneRare, clock);

    // Assess
    await expect(editing).rejects.toBe(outage);
    expect(stubs.carts.save).toHaveBeenCalledTimes(1);
    expect(clock.sleep).not.toHaveBeenCalled();
  });
});
