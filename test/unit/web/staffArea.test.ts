import { STAFF_GROUP as API_STAFF_GROUP } from '../../../src/auth/tokenVerifier';
import { ApiError } from '../../../web/src/apiError';
import { describeError, describeStaffError, type StaffErrorContext } from '../../../web/src/errors';
import { formatCents, parseCents } from '../../../web/src/money';
import { isStaffToken, STAFF_GROUP } from '../../../web/src/staffClaim';
import { base64url } from '../../support/badTokens';

/** The staff area's client-side pieces: who is offered it, what amounts read as, what refusals say. */
function tokenWith(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'RS256', kid: 'local' })}.${base64url({ sub: 'sam', ...claims })}.signature`;
}

describe('isStaffToken', () => {
  test('reads the same group as the API', () => {
    expect(STAFF_GROUP).toBe(API_STAFF_GROUP);
  });

  test.each<[string, string, boolean]>([
    ['groups holding admin', tokenWith({ 'cognito:groups': ['admin'] }), true],
    ['admin among other groups', tokenWith({ 'cognito:groups': ['buyers', 'admin'] }), true],
    // base64url's "-" and "_" (from "?>" and "~~") decode as "+" and "/".
    ['a payload with base64url digits', tokenWith({ 'cognito:groups': ['admin'], name: '?>~~' }), true],
    ['no groups', tokenWith({}), false],
    ['other groups', tokenWith({ 'cognito:groups': ['buyers'] }), false],
    ['a differently cased group', tokenWith({ 'cognito:groups': ['Admin'] }), false],
    ['groups as a string, which the API refuses', tokenWith({ 'cognito:groups': 'admin' }), false],
    ['no payload', 'not-a-token', false],
    ['a payload that is not JSON', 'a.%%%.c', false],
  ])('%s → %s', (_case, token, staff) => {
    expect(isStaffToken(token)).toBe(staff);
  });
});

describe('parseCents', () => {
  test.each<[string, number]>([
    ['29.99', 2999],
    ['$29.99', 2999],
    ['30', 3000],
    ['19.9', 1990],
    ['0.07', 7],
    [' $1,234.50 ', 123450],
    ['21474836.47', 2_147_483_647],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  test.each(['', 'abc', '-5', '1.999', '12,34', '1e3', '$', '21474836.48', '.5'])('refuses %j', (text) => {
    expect(parseCents(text)).toBeNull();
  });

  test('reads back what formatCents shows', () => {
    for (const cents of [0, 5, 2450, 123456, 2_147_483_647])
      expect(parseCents(formatCents(cents))).toBe(cents);
  });
});

describe('describeStaffError', () => {
  const product: StaffErrorContext = { subject: 'product' };
  const promotion: StaffErrorContext = { subject: 'promotion' };

  test.each<[string, ApiError, StaffErrorContext, string]>([
    [
      "adjustStock's lost compare-and-swap",
      new ApiError('The stock is 43, not the expected 45', 'CONFLICT', {
        field: 'expectedStock',
        actualStock: 43,
      }),
      { subject: 'product', delta: 5 },
      'The stock changed to 43 meanwhile (a sale or another change). Review it and try again.',
    ],
    [
      'removing more units than in stock',
      new ApiError('Only 3 in stock: cannot remove 5', 'BAD_USER_INPUT', { field: 'delta', actualStock: 3 }),
      { subject: 'product', delta: -5 },
      'Only 3 in stock: you cannot remove more than that.',
    ],
    [
      'a product id already taken',
      new ApiError('A product with id "glass-teapot" already exists', 'CONFLICT', {
        field: 'id',
        id: 'glass-teapot',
      }),
      product,
      'A product with the id glass-teapot already exists. Choose another id.',
    ],
    [
      'a promotion code already taken',
      new ApiError('The code TENOFF already exists', 'CONFLICT', { field: 'code', code: 'TENOFF' }),
      promotion,
      'The code TENOFF already exists. Choose another code.',
    ],
    [
      'a promotion changed meanwhile',
      new ApiError('The promotion changed meanwhile; read it again', 'CONFLICT', {
        field: 'code',
        retryable: true,
      }),
      promotion,
      'This promotion changed meanwhile. Reload the page and try again.',
    ],
    [
      'a bad price',
      new ApiError('price must be a whole number from 0 to 2147483647', 'BAD_USER_INPUT', { field: 'price' }),
      product,
      'A price is an amount from $0.00 to $21,474,836.47.',
    ],
    [
      'a bad product code',
      new ApiError('code must be 1 to 64 characters after trimming', 'BAD_USER_INPUT', { field: 'code' }),
      product,
      'A product code is 1 to 64 characters.',
    ],
    [
      'a bad promotion code',
      new ApiError('code must be 1 to 64 letters, digits, "-" or "_"', 'BAD_USER_INPUT', { field: 'code' }),
      promotion,
      'A code is 1 to 64 letters, digits, "-" or "_", such as SPRING-10.',
    ],
    [
      'a percentage over 100',
      new ApiError('value must be a whole percentage from 1 to 100', 'BAD_USER_INPUT', { field: 'value' }),
      promotion,
      'A percentage is a whole number from 1 to 100.',
    ],
    [
      'a shopper calling a staff operation',
      new ApiError('Only staff may do this', 'FORBIDDEN', {}, 200),
      product,
      'Only staff may do that. Sign in with a staff account to use the staff area.',
    ],
    [
      'an anonymous caller',
      new ApiError('Sign in', 'UNAUTHENTICATED', {}, 200),
      promotion,
      'Please sign in with a staff account to use the staff area.',
    ],
    [
      'a refused token',
      new ApiError('The token is invalid or expired', 'UNAUTHENTICATED', {}, 401),
      product,
      'Your session has expired. Please sign in again.',
    ],
  ])('says %s in words', (_case, error, context, text) => {
    expect(describeStaffError(error, context)).toBe(text);
  });

  test("says FORBIDDEN in words on the shopper's pages too", () => {
    expect(describeError(new ApiError('Only staff may do this', 'FORBIDDEN'))).toBe(
      'Only staff may do that. Sign in with a staff account to use the staff area.',
    );
  });
});
