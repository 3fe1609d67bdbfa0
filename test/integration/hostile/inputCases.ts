import { BAD_TOKENS } from '../../support/badTokens';
import { graphqlPost } from '../../support/events';
import {
  ADD_TO_CART,
  anonymous,
  answered,
  HUGE,
  PRODUCT_ID,
  signed,
  type HostileCase,
} from './hostileRequest';

/** Valid documents with hostile values: numbers out of range, huge and odd strings, bad tokens. */
const COMMENT_TEXT = 'mutation C($t: String!) { addComment(productId: "lonely-bird", text: $t) { id } }';
const SAVE_CART = 'mutation S($input: SaveCartInput!) { saveCart(input: $input) { itemCount } }';
const APPLY_PROMOTION = 'mutation A($c: String) { applyPromotionCode(code: $c) { total } }';
const rating = (value: number) =>
  signed({
    query: `mutation { addComment(productId: "${PRODUCT_ID}", text: "Great", rating: ${value}) { id } }`,
  });

export const NUMBER_CASES: HostileCase[] = [
  // A page size outside 1..100 is refused before the document runs or is priced.
  ...answered(400, 'BAD_USER_INPUT', {
    'first: 0': anonymous({ query: '{ products(first: 0) { nodes { id } } }' }),
    'first: 101': anonymous({ query: '{ products(first: 101) { nodes { id } } }' }),
    'first: -1': anonymous({ query: '{ products(first: -1) { nodes { id } } }' }),
    'comments(first: 101)': anonymous({
      query: `{ product(id: "${PRODUCT_ID}") { comments(first: 101) { nodes { id } } } }`,
    }),
  }),
  ...answered(200, 'BAD_USER_INPUT', {
    'a negative quantity': signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: -5 } }),
    'a quantity of 100': signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: 100 } }),
    'a rating of 6': rating(6),
    'the smallest 32-bit rating': rating(-2147483648),
  }),
  ...answered(400, 'GRAPHQL_VALIDATION_FAILED', {
    'first beyond 32 bits, inline': anonymous({ query: '{ products(first: 2147483648) { nodes { id } } }' }),
  }),
  ...answered(400, 'BAD_USER_INPUT', {
    'first: 1e100 as a variable': anonymous({
      query: 'query P($n: Int) { products(first: $n) { nodes { id } } }',
      variables: { n: 1e100 },
    }),
    'a quantity beyond 32 bits': signed({
      query: ADD_TO_CART,
      variables: { id: PRODUCT_ID, n: 9_999_999_999 },
    }),
    'a fractional quantity': signed({ query: ADD_TO_CART, variables: { id: PRODUCT_ID, n: 1.5 } }),
  }),
];

/** A 60 KB string in every string and ID argument of the schema (inside the 64 KB body). */
export const HUGE_STRING_CASES: HostileCase[] = [
  ...answered(200, null, {
    'a huge product id': anonymous({
      query: 'query P($id: ID!) { product(id: $id) { id } }',
      variables: { id: HUGE },
    }),
  }),
  ...answered(200, 'NOT_FOUND', {
    'a huge productId in addToCart': signed({ query: ADD_TO_CART, variables: { id: HUGE } }),
    'a huge productId in updateCartItem': signed({
      query: 'mutation U($id: ID!) { updateCartItem(productId: $id, quantity: 1) { itemCount } }',
      variables: { id: HUGE },
    }),
    'a huge productId in removeFromCart': signed({
      query: 'mutation R($id: ID!) { removeFromCart(productId: $id) { itemCount } }',
      variables: { id: HUGE },
    }),
    'a huge productId in saveCart': signed({
      query: SAVE_CART,
      variables: { input: { items: [{ productId: HUGE, quantity: 1 }] } },
    }),
    'a huge productId in addComment': signed({
      query: 'mutation C($id: ID!) { addComment(productId: $id, text: "Nice") { id } }',
      variables: { id: HUGE },
    }),
  }),
  ...answered(200, 'BAD_USER_INPUT', {
    'a huge products cursor': anonymous({
      query: 'query P($c: String) { products(after: $c) { nodes { id } } }',
      variables: { c: HUGE },
    }),
    'a huge comments cursor': anonymous({
      query: `query P($c: String) { product(id: "${PRODUCT_ID}") { comments(after: $c) { nodes { id } } } }`,
      variables: { c: HUGE },
    }),
    'a huge promotion code in saveCart': signed({
      query: SAVE_CART,
      variables: { input: { items: [], promotionCode: HUGE } },
    }),
    'a huge promotion code': signed({ query: APPLY_PROMOTION, variables: { c: HUGE } }),
    'a huge comment text': signed({ query: COMMENT_TEXT, variables: { t: HUGE } }),
    'a huge checkout idempotency key': signed({
      query: 'mutation K($k: String!) { checkout(idempotencyKey: $k) { id } }',
      variables: { k: HUGE },
    }),
    'a huge orders cursor': signed({
      query: 'query O($c: String) { orders(after: $c) { nodes { id } } }',
      variables: { c: HUGE },
    }),
  }),
  ...answered(401, 'UNAUTHENTICATED', {
    'a huge bearer token': () => graphqlPost({ query: '{ __typename }' }, { token: HUGE }),
  }),
];

export const UNICODE_CASES: HostileCase[] = [
  ...answered(200, null, {
    'a product id with a NUL byte': anonymous({
      query: 'query P($id: ID!) { product(id: $id) { id } }',
      variables: { id: `${PRODUCT_ID}\u0000` },
    }),
  }),
  ...answered(200, 'NOT_FOUND', {
    'a productId with a right-to-left override': signed({
      query: ADD_TO_CART,
      variables: { id: `\u202E${PRODUCT_ID}` },
    }),
    'a productId with a lone surrogate': signed({
      query: ADD_TO_CART,
      variables: { id: `${PRODUCT_ID}\uD800` },
    }),
    'a productId of control characters': signed({
      query: ADD_TO_CART,
      variables: { id: '\u0001\u0007\u001B[2J' },
    }),
  }),
  ...answered(200, 'BAD_USER_INPUT', {
    'a comment of Unicode spaces only': signed({
      query: COMMENT_TEXT,
      variables: { t: '\u3000\u2028\uFEFF\u00A0 \t\n' },
    }),
    'an emoji promotion code': signed({ query: APPLY_PROMOTION, variables: { c: '🎁WELCOME10' } }),
  }),
];

/** Every flawed token of support/badTokens.ts, each trying to write to the victim's cart. */
export const TOKEN_CASES: HostileCase[] = BAD_TOKENS.map(({ what, token }) => ({
  name: `${what} on a mutation`,
  event: (app) =>
    graphqlPost({ query: ADD_TO_CART, variables: { id: PRODUCT_ID } }, { token: token(app.signer) }),
  status: 401,
  code: 'UNAUTHENTICATED',
}));
