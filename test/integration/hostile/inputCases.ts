import { BAD_TOKENS } from '../../support/badTokens';
import { graphqlPost } from '../../support/events';
import { ADD_TO_CART, anonymous, HUGE, PRODUCT_ID, signed, type HostileCase } from './hostileRequest';

/** Valid documents with hostile values: numbers out of range, huge and odd strings, bad tokens. */
export const NUMBER_CASES: HostileCase[] = [
  {
    name: 'first: 0',
    event: anonymous({ query: '{ products(first: 0) { nodes { id } } }' }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'first: 101',
    event: anonymous({ query: '{ products(first: 101) { nodes { id } } }' }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'first: -1',
    event: anonymous({ query: '{ products(first: -1) { nodes { id } } }' }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'comments(first: 101)',
    event: anonymous({ query: `{ product(id: "${PRODUCT_ID}") { comments(first: 101) { nodes { id } } } }` }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'first beyond 32 bits, inline',
    event: anonymous({ query: '{ products(first: 2147483648) { nodes { id } } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'first: 1e100 as a variable',
    event: anonymous({
      query: 'query P($n: Int) { products(first: $n) { nodes { id } } }',
      variables: { n: 1e100 },
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a negative quantity',
    event: signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: -5 } }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a quantity of 100',
    event: signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: 100 } }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a quantity beyond 32 bits',
    event: signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: 9_999_999_999 } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a fractional quantity',
    event: signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: 1.5 } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a rating of 6',
    event: signed({
      query: `mutation { addComment(productId: "${PRODUCT_ID}", text: "Great", rating: 6) { id } }`,
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'the smallest 32-bit rating',
    event: signed({
      query: `mutation { addComment(productId: "${PRODUCT_ID}", text: "Great", rating: -2147483648) { id } }`,
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
];

/** A 60 KB string in every string and ID argument of the schema (inside the 64 KB body). */
export const HUGE_STRING_CASES: HostileCase[] = [
  {
    name: 'a huge product id',
    event: anonymous({ query: 'query P($id: ID!) { product(id: $id) { id } }', variables: { id: HUGE } }),
    status: 200,
    code: null,
  },
  {
    name: 'a huge products cursor',
    event: anonymous({
      query: 'query P($c: String) { products(after: $c) { nodes { id } } }',
      variables: { c: HUGE },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge comments cursor',
    event: anonymous({
      query: `query P($c: String) { product(id: "${PRODUCT_ID}") { comments(after: $c) { nodes { id } } } }`,
      variables: { c: HUGE },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge productId in addToCart',
    event: signed({ query: ADD_TO_CART, variables: { id: HUGE } }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a huge productId in updateCartItem',
    event: signed({
      query: 'mutation U($id: ID!) { updateCartItem(productId: $id, quantity: 1) { itemCount } }',
      variables: { id: HUGE },
    }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a huge productId in removeFromCart',
    event: signed({
      query: 'mutation R($id: ID!) { removeFromCart(productId: $id) { itemCount } }',
      variables: { id: HUGE },
    }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a huge productId in saveCart',
    event: signed({
      query: 'mutation S($input: SaveCartInput!) { saveCart(input: $input) { itemCount } }',
      variables: { input: { items: [{ productId: HUGE, quantity: 1 }] } },
    }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a huge promotion code in saveCart',
    event: signed({
      query: 'mutation S($input: SaveCartInput!) { saveCart(input: $input) { itemCount } }',
      variables: { input: { items: [], promotionCode: HUGE } },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge promotion code',
    event: signed({
      query: 'mutation A($c: String) { applyPromotionCode(code: $c) { total } }',
      variables: { c: HUGE },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge productId in addComment',
    event: signed({
      query: 'mutation C($id: ID!) { addComment(productId: $id, text: "Nice") { id } }',
      variables: { id: HUGE },
    }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a huge comment text',
    event: signed({
      query: 'mutation C($t: String!) { addComment(productId: "lonely-bird", text: $t) { id } }',
      variables: { t: HUGE },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge checkout idempotency key',
    event: signed({
      query: 'mutation K($k: String!) { checkout(idempotencyKey: $k) { id } }',
      variables: { k: HUGE },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge orders cursor',
    event: signed({
      query: 'query O($c: String) { orders(after: $c) { nodes { id } } }',
      variables: { c: HUGE },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge bearer token',
    event: () => graphqlPost({ query: '{ __typename }' }, { token: HUGE }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
];

export const UNICODE_CASES: HostileCase[] = [
  {
    name: 'a product id with a NUL byte',
    event: anonymous({
      query: 'query P($id: ID!) { product(id: $id) { id } }',
      variables: { id: `${PRODUCT_ID}\u0000` },
    }),
    status: 200,
    code: null,
  },
  {
    name: 'a productId with a right-to-left override',
    event: signed({ query: ADD_TO_CART, variables: { id: `\u202E${PRODUCT_ID}` } }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a productId with a lone surrogate',
    event: signed({ query: ADD_TO_CART, variables: { id: `${PRODUCT_ID}\uD800` } }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a productId of control characters',
    event: signed({ query: ADD_TO_CART, variables: { id: '\u0001\u0007\u001B[2J' } }),
    status: 200,
    code: 'NOT_FOUND',
  },
  {
    name: 'a comment of Unicode spaces only',
    event: signed({
      query: 'mutation C($t: String!) { addComment(productId: "lonely-bird", text: $t) { id } }',
      variables: { t: '\u3000\u2028\uFEFF\u00A0 \t\n' },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an emoji promotion code',
    event: signed({
      query: 'mutation A($c: String) { applyPromotionCode(code: $c) { total } }',
      variables: { c: '🎁WELCOME10' },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
];

/** Every flawed token of support/badTokens.ts, each trying to write to the victim's cart. */
export const TOKEN_CASES: HostileCase[] = BAD_TOKENS.map(({ what, token }) => ({
  name: `${what} on a mutation`,
  event: (app) =>
    graphqlPost({ query: ADD_TO_CART, variables: { id: PRODUCT_ID } }, { token: token(app.keys) }),
  status: 401,
  code: 'UNAUTHENTICATED',
}));
