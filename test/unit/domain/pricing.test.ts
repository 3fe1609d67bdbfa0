import type { CartRecord } from '../../../src/datasources/models';
import { loadPricedCart } from '../../../src/domain/pricing';
import { discountOf, percentOf } from '../../../src/domain/promotions';
import { product, promotion, stubStores } from '../../support/stubContext';

/** The moment the tests price at, unless they say otherwise. */
const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('percentOf', () => {
  test.each([
    { subtotal: 2999, percentage: 10, expected: 300, why: '299.9 rounds up' },
    { subtotal: 1999, percentage: 50, expected: 1000, why: '999.5 is a half and rounds up' },
    { subtotal: 1, percentage: 50, expected: 1, why: 'half a cent rounds up to one' },
    { subtotal: 4, percentage: 10, expected: 0, why: '0.4 rounds down' },
    { subtotal: 1234, percentage: 15, expected: 185, why: '185.1 rounds down' },
    { subtotal: 1230, percentage: 15, expected: 185, why: '184.5 is a half and rounds up' },
    { subtotal: 5998, percentage: 0, expected: 0, why: 'no promotion gives no discount' },
    { subtotal: 5998, percentage: 100, expected: 5998, why: 'a full discount is the subtotal' },
    { subtotal: 0, percentage: 50, expected: 0, why: 'an empty cart has no discount' },
  ])('gives $expected cents for $percentage % of $subtotal ($why)', ({ subtotal, percentage, expected }) => {
    // Act
    const discount = percentOf(subtotal, percentage);

    // Assess
    expect(discount).toBe(expected);
  });

  test('returns integer cents for every percentage of an odd subtotal', () => {
    // Prepare
    const percentages = Array.from({ length: 101 }, (_unused, index) => index);

    // Act
    const discounts = percentages.map((percentage) => percentOf(1999, percentage));

    // Assess
    expect(discounts.every(Number.isInteger)).toBe(true);
  });
});

describe('discountOf', () => {
  const WELCOME10 = promotion({ code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 });
  const FIVEOFF = promotion({ code: 'FIVEOFF', kind: 'FIXED_AMOUNT', value: 500, minimumSubtotal: 3000 });
  const none = (notice: string | null) => ({ discount: 0, discountPercentage: 0, notice });

  test.each([
    { why: 'no promotion gives nothing, and says nothing', code: null, subtotal: 5998, expected: none(null) },
    {
      why: 'a percentage rounds half up and shows its percentage',
      code: WELCOME10,
      subtotal: 5998,
      expected: { discount: 600, discountPercentage: 10, notice: null },
    },
    {
      why: 'a fixed amount takes its cents, with no percentage',
      code: FIVEOFF,
      subtotal: 5998,
      expected: { discount: 500, discountPercentage: 0, notice: null },
    },
    {
      why: 'a subtotal of exactly the minimum reaches it',
      code: FIVEOFF,
      subtotal: 3000,
      expected: { discount: 500, discountPercentage: 0, notice: null },
    },
    {
      why: 'a fixed amount is never more than the subtotal',
      code: promotion({ code: 'BIG', kind: 'FIXED_AMOUNT', value: 10_000 }),
      subtotal: 5998,
      expected: { discount: 5998, discountPercentage: 0, notice: null },
    },
    {
      why: 'a subtotal one cent below the minimum gets nothing, and is told why',
      code: FIVEOFF,
      subtotal: 2999,
      expected: none('The code FIVEOFF needs a subtotal of at least 3000 cents'),
    },
    {
      why: 'a percentage below its minimum shows no percentage either',
      code: promotion({ code: 'TENOVER50', value: 10, minimumSubtotal: 5000 }),
      subtotal: 4999,
      expected: none('The code TENOVER50 needs a subtotal of at least 5000 cents'),
    },
    {
      why: 'an inactive code gives nothing',
      code: promotion({ code: 'PAUSED', active: false }),
      subtotal: 5998,
      expected: none('The code PAUSED is not active'),
    },
    {
      why: 'a code that starts a millisecond from now gives nothing yet',
      code: promotion({ code: 'SOON', startsAt: '2026-11-22T10:00:00.001Z' }),
      subtotal: 5998,
      expected: none('The code SOON starts at 2026-11-22T10:00:00.001Z'),
    },
    {
      why: 'a code applies from the instant it starts',
      code: promotion({ code: 'NOW', startsAt: '2026-11-22T10:00:00.000Z' }),
      subtotal: 5998,
      expected: { discount: 600, discountPercentage: 10, notice: null },
    },
    {
      why: 'a code applies until, not at, the instant it ends',
      code: promotion({ code: 'ENDED', endsAt: '2026-11-22T10:00:00.000Z' }),
      subtotal: 5998,
      expected: none('The code ENDED expired at 2026-11-22T10:00:00.000Z'),
    },
    {
      why: 'a code still applies a millisecond before it ends',
      code: promotion({ code: 'ENDING', endsAt: '2026-11-22T10:00:00.001Z' }),
      subtotal: 5998,
      expected: { discount: 600, discountPercentage: 10, notice: null },
    },
    {
      why: 'a code used as often as its limit gives nothing',
      code: promotion({ code: 'SPENT', usageLimit: 3, timesUsed: 3 }),
      subtotal: 5998,
      expected: none('The code SPENT has been used as often as it may be'),
    },
    {
      why: 'a code with one use left still applies',
      code: promotion({ code: 'LAST', usageLimit: 3, timesUsed: 2 }),
      subtotal: 5998,
      expected: { discount: 600, discountPercentage: 10, notice: null },
    },
  ])('$why', ({ code, subtotal, expected }) => {
    // Act
    const discount = discountOf(code, subtotal, NOW);

    // Assess
    expect(discount).toEqual(expected);
  });
});

describe('loadPricedCart', () => {
  const BIRD = product({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 });
  const cart = (promotionCode?: string): CartRecord => ({
    userId: 'alice',
    items: [
      { productId: 'discontinued', quantity: 5 },
      { productId: 'lonely-bird', quantity: 2 },
    ],
    version: 1,
    ...(promotionCode ? { promotionCode } : {}),
  });

  test('reads the lines’ products through the reader it is given, in line order, and applies the promotion', async () => {
    // Prepare
    const readProducts = jest.fn(async () => [null, BIRD]);
    const welcome10 = promotion({ code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 });
    const { promotions } = stubStores({ promotions: [welcome10] });

    // Act
    const loaded = await loadPricedCart(readProducts, promotions, cart('WELCOME10'), NOW);

    // Assess: 2 × 2999 = 5998; 10 % = 599.8 → 600.
    expect(readProducts).toHaveBeenCalledTimes(1);
    expect(readProducts).toHaveBeenCalledWith(['discontinued', 'lonely-bird']);
    expect(loaded.promotion).toEqual(welcome10);
    expect(loaded.priced).toMatchObject({
      items: [{ product: BIRD, quantity: 2, lineTotal: 5998 }],
      promotionCode: 'WELCOME10',
      discountPercentage: 10,
      promotionNotice: null,
      subtotal: 5998,
      discount: 600,
      total: 5398,
      itemCount: 2,
    });
  });

  test('prices a code whose promotion has gone at 0 %, keeping the code on the cart', async () => {
    // Prepare
    const { promotions } = stubStores();

    // Act
    const { priced, promotion } = await loadPricedCart(
      async () => [null, BIRD],
      promotions,
      cart('GONE'),
      NOW,
    );

    // Assess
    expect(promotion).toBeNull();
    expect(priced).toMatchObject({
      promotionCode: 'GONE',
      discountPercentage: 0,
      promotionNotice: null,
      discount: 0,
      total: 5998,
    });
  });

  test('takes a fixed amount off the subtotal, with no percentage', async () => {
    // Prepare: 5.00 off from 30.00.
    const fiveOff = promotion({ code: 'FIVEOFF', kind: 'FIXED_AMOUNT', value: 500, minimumSubtotal: 3000 });
    const { promotions } = stubStores({ promotions: [fiveOff] });

    // Act
    const { priced } = await loadPricedCart(async () => [null, BIRD], promotions, cart('FIVEOFF'), NOW);

    // Assess
    expect(priced).toMatchObject({
      promotionCode: 'FIVEOFF',
      discountPercentage: 0,
      promotionNotice: null,
      subtotal: 5998,
      discount: 500,
      total: 5498,
    });
  });

  test('keeps a code whose minimum the subtotal misses on the cart, discounting nothing and saying why', async () => {
    // Prepare: 5998 is two cents short of 6000.
    const { promotions } = stubStores({
      promotions: [
        promotion({ code: 'BIGSPENDER', kind: 'FIXED_AMOUNT', value: 1000, minimumSubtotal: 6000 }),
      ],
    });

    // Act
    const { priced } = await loadPricedCart(async () => [null, BIRD], promotions, cart('BIGSPENDER'), NOW);

    // Assess
    expect(priced).toMatchObject({
      promotionCode: 'BIGSPENDER',
      discountPercentage: 0,
      promotionNotice: 'The code BIGSPENDER needs a subtotal of at least 6000 cents',
      subtotal: 5998,
      discount: 0,
      total: 5998,
    });
  });

  test.each([
    ['deactivated', { active: false }, 'The code WELCOME10 is not active'],
    [
      'expired at the moment priced',
      { endsAt: '2026-11-22T10:00:00.000Z' },
      'The code WELCOME10 expired at 2026-11-22T10:00:00.000Z',
    ],
    ['used up', { usageLimit: 5, timesUsed: 5 }, 'The code WELCOME10 has been used as often as it may be'],
  ])(
    'keeps a code %s since it was applied on the cart, discounting nothing and saying why',
    async (_what, terms, notice) => {
      // Prepare
      const { promotions } = stubStores({
        promotions: [promotion({ code: 'WELCOME10', value: 10, ...terms })],
      });

      // Act
      const { priced } = await loadPricedCart(async () => [null, BIRD], promotions, cart('WELCOME10'), NOW);

      // Assess
      expect(priced).toMatchObject({
        promotionCode: 'WELCOME10',
        discountPercentage: 0,
        promotionNotice: notice,
        discount: 0,
        total: 5998,
      });
    },
  );

  test('prices at the moment it is given: a code applies until the moment it ends', async () => {
    // Prepare
    const { promotions } = stubStores({
      promotions: [promotion({ code: 'WELCOME10', value: 10, endsAt: '2026-11-22T10:00:00.000Z' })],
    });

    // Act
    const before = new Date('2026-11-22T09:59:59.999Z');
    const { priced } = await loadPricedCart(async () => [null, BIRD], promotions, cart('WELCOME10'), before);

    // Assess
    expect(priced).toMatchObject({
      discountPercentage: 10,
      promotionNotice: null,
      discount: 600,
      total: 5398,
    });
  });

  test('asks for no promotion when the cart has no code', async () => {
    // Prepare
    const { promotions } = stubStores();

    // Act
    const { priced } = await loadPricedCart(async () => [null, BIRD], promotions, cart(), NOW);

    // Assess
    expect(promotions.getByCode).not.toHaveBeenCalled();
    expect(priced).toMatchObject({
      promotionCode: null,
      discountPercentage: 0,
      promotionNotice: null,
      total: 5998,
    });
  });
});
