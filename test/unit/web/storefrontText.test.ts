import { ApiError } from '../../../web/src/apiError';
import { describeError } from '../../../web/src/errors';
import { formatCents } from '../../../web/src/money';
import { hrefFor, parseHash, type Route } from '../../../web/src/router';

/** The storefront's words and numbers: what a shopper reads for each API answer. */
describe('formatCents', () => {
  test.each([
    [2999, '$29.99'],
    [0, '$0.00'],
    [5, '$0.05'],
    [123456, '$1,234.56'],
  ])('shows %i cents as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});

describe('describeError', () => {
  test('names the products that are out of stock', () => {
    // Prepare
    const error = new ApiError('Not enough stock for Solid Friendship', 'OUT_OF_STOCK', {
      code: 'OUT_OF_STOCK',
      productIds: ['solid-friendship', 'lonely-bird'],
    });
    const productNames = new Map([
      ['solid-friendship', 'Solid Friendship'],
      ['lonely-bird', 'Lonely Bird'],
    ]);

    // Act
    const text = describeError(error, { productNames });

    // Assess
    expect(text).toBe(
      'Sorry, Solid Friendship and Lonely Bird are out of stock in the quantity you asked for. Lower the quantity or remove them from your cart.',
    );
  });

  test.each<[string, string, Record<string, unknown>, number | undefined, string]>([
    [
      'BAD_USER_INPUT',
      'Unknown promotion code "NOPE"',
      { field: 'promotionCode' },
      200,
      'That promotion code is not valid. Check the spelling and try again.',
    ],
    [
      'BAD_USER_INPUT',
      'The cart is empty',
      { field: 'cart' },
      200,
      'Your cart is empty: add a product before checking out.',
    ],
    [
      'UNAUTHENTICATED',
      'The token is invalid or expired',
      {},
      401,
      'Your session has expired. Please sign in again.',
    ],
    [
      'UNAUTHENTICATED',
      'Sign in to use the cart or write comments',
      {},
      200,
      'Please sign in to use your cart, see your orders or write comments.',
    ],
    [
      'CONFLICT',
      'The cart kept changing during checkout; try again',
      {},
      200,
      'Your cart changed while we were working on it. Please check it and try again.',
    ],
    [
      'RATE_LIMITED',
      'At most 5 comments a minute: try again in 43 s',
      { retryAfterSeconds: 43 },
      200,
      'You are commenting very quickly. Please wait 43 seconds before posting again.',
    ],
    [
      'RATE_LIMITED',
      'At most 5 comments a minute: try again in 1 s',
      { retryAfterSeconds: 1 },
      200,
      'You are commenting very quickly. Please wait 1 second before posting again.',
    ],
    [
      'NETWORK_ERROR',
      'Failed to fetch',
      {},
      undefined,
      'We could not reach the store. Check your connection and try again.',
    ],
    [
      'INTERNAL_SERVER_ERROR',
      'Internal server error',
      {},
      200,
      'Something went wrong on our side. Please try again in a moment.',
    ],
  ])('says %s "%s" in words', (code, message, extensions, status, text) => {
    expect(describeError(new ApiError(message, code, extensions, status))).toBe(text);
  });

  test('never shows a thrown non-API error to the shopper', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
  });
});

describe('the hash router', () => {
  test.each<[string, Route]>([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/?after=abc', { page: 'home', after: 'abc' }],
    ['#/products/lonely-bird', { page: 'product', id: 'lonely-bird' }],
    ['#/products/lonely-bird?after=c%2B1', { page: 'product', id: 'lonely-bird', after: 'c+1' }],
    ['#/cart', { page: 'cart' }],
    ['#/orders?placed=o1', { page: 'orders', placed: 'o1' }],
    ['#/sign-in?next=%23%2Fcart', { page: 'signIn', next: '#/cart' }],
    ['#/staff', { page: 'staff', section: 'products' }],
    ['#/staff/promotions', { page: 'staff', section: 'promotions' }],
    ['#/staff/orders', { page: 'staff', section: 'orders' }],
    ['#/staff/orders?status=SHIPPED', { page: 'staff', section: 'orders', status: 'SHIPPED' }],
    ['#/staff/orders?status=LOST', { page: 'staff', section: 'orders' }],
    [
      '#/staff/products/lonely-bird/comments',
      { page: 'staff', section: 'comments', productId: 'lonely-bird' },
    ],
    ['#/staff/products/lonely-bird', { page: 'notFound' }],
    ['#/staff/refunds', { page: 'notFound' }],
    ['#/nowhere', { page: 'notFound' }],
  ])('reads %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  test.each<Route>([
    { page: 'home', after: 'a/b+c=' },
    { page: 'product', id: 'lonely-bird', after: 'x' },
    { page: 'orders', after: 'y', placed: 'z' },
    { page: 'signIn', next: '#/products/lonely-bird?after=q' },
    { page: 'staff', section: 'products' },
    { page: 'staff', section: 'promotions' },
    { page: 'staff', section: 'orders' },
    { page: 'staff', section: 'orders', status: 'CANCELLED' },
    { page: 'staff', section: 'comments', productId: 'a/b c' },
  ])('writes %j as a hash it reads back', (route) => {
    expect(parseHash(hrefFor(route))).toEqual(route);
  });
});
