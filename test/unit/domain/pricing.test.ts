import type { CartRecord } from '../../../src/datasources/models';
import { discountFor, loadPricedCart } from '../../../src/domain/pricing';
import { product, stubStores } from '../../support/stubContext';

describe('discountFor', () => {
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
    const discount = discountFor(subtotal, percentage);

    // Assess
    expect(discount).toBe(expected);
  });

  test('returns integer cents for every percentage of an odd subtotal', () => {
    // Prepare
    const percentages = Array.from({ length: 101 }, (_unused, index) => index);

    // Act
    const discounts = percentages.map((percentage) => discountFor(1999, percentage));

    // Assess
    expect(discounts.every(Number.isInteger)).toBe(true);
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
    const { promotions } = stubStores({ promotions: [{ code: 'WELCOME10', percentage: 10 }] });

    // Act
    const { priced, promotion } = await loadPricedCart(readProducts, promotions, cart('WELCOME10'));

    // Assess: 2 × 2999 = 5998; 10 % = 599.8 → 600.
    expect(readProducts).toHaveBeenCalledTimes(1);
    expect(readProducts).toHaveBeenCalledWith(['discontinued', 'lonely-bird']);
    expect(promotion).toEqual({ code: 'WELCOME10', percentage: 10 });
    expect(priced).toMatchObject({
      items: [{ product: BIRD, quantity: 2, lineTotal: 5998 }],
      promotionCode: 'WELCOME10',
      discountPercentage: 10,
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
    const { priced, promotion } = await loadPricedCart(async () => [null, BIRD], promotions, cart('GONE'));

    // Assess
    expect(promotion).toBeNull();
    expect(priced).toMatchObject({ promotionCode: 'GONE', discountPercentage: 0, discount: 0, total: 5998 });
  });

  test('asks for no promotion when the cart has no code', async () => {
    // Prepare
    const { promotions } = stubStores();

    // Act
    const { priced } = await loadPricedCart(async () => [null, BIRD], promotions, cart());

    // Assess
    expect(promotions.getByCode).not.toHaveBeenCalled();
    expect(priced).toMatchObject({ promotionCode: null, discountPercentage: 0, total: 5998 });
  });
});
