import { setTimeout as backoff } from 'node:timers/promises';
import type { CartRecord } from '../../../../src/datasources/models';
import { editCart } from '../../../../src/domain/cartEditor';
import { addToCart } from '../../../../src/domain/cartOperations';
import { VersionConflictError } from '../../../../src/shared/errors';
import { fakeClock } from '../../../support/fakeClock';
import { refusalOf } from '../../../support/stubContext';
import { aliceCart, NEARLY_FULL_LINE, stores } from './cartFixtures';

// The operations take no clock (only editCart does), so the backoff after a lost save would be a
// real sleep: here it returns at once, and a test can count the backoffs.
jest.mock('node:timers/promises', () => ({
  ...jest.requireActual<Record<string, unknown>>('node:timers/promises'),
  setTimeout: jest.fn(async () => undefined),
}));

beforeEach(() => jest.mocked(backoff).mockClear());

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
    expect(clock.sleeps).toHaveLength(29);
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
    expect(clock.sleeps).toEqual([]);
  });
});
