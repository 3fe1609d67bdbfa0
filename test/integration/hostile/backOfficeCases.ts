import {
  answered,
  anonymous,
  HUGE,
  PRODUCT_ID,
  signed,
  staffSigned,
  type HostileCase,
} from './hostileRequest';

/**
 * The order life cycle and moderation with hostile values, and the staff operations tried by
 * shoppers and strangers: each refused before it writes anything.
 */
const CANCEL = 'mutation C($id: ID!) { cancelOrder(id: $id) { id status } }';
const SHIP = 'mutation S($id: ID!) { shipOrder(id: $id) { id status } }';
const HIDE = 'mutation H($id: ID!) { hideComment(id: $id) { id hidden } }';
const UNHIDE = 'mutation U($id: ID!) { unhideComment(id: $id) { id hidden } }';
const ALL_ORDERS =
  'query A($s: OrderStatus, $c: String) { allOrders(status: $s, after: $c) { nodes { id } } }';
const HIDDEN_COMMENTS = `query H($c: String) { product(id: "${PRODUCT_ID}") { hiddenComments(after: $c) { nodes { id } } } }`;

export const BACK_OFFICE_CASES: HostileCase[] = [
  ...answered(200, 'FORBIDDEN', {
    'a shopper shipping an order': signed({ query: SHIP, variables: { id: 'any-order' } }),
    'a shopper hiding a comment': signed({ query: HIDE, variables: { id: 'any-comment' } }),
    'a shopper unhiding a comment': signed({ query: UNHIDE, variables: { id: 'any-comment' } }),
    'a shopper listing every order': signed({ query: ALL_ORDERS }),
    'a shopper listing hidden comments': signed({ query: HIDDEN_COMMENTS }),
  }),
  ...answered(200, 'UNAUTHENTICATED', {
    'an anonymous cancellation': anonymous({ query: CANCEL, variables: { id: 'any-order' } }),
    'an anonymous shipment': anonymous({ query: SHIP, variables: { id: 'any-order' } }),
    'an anonymous moderation': anonymous({ query: HIDE, variables: { id: 'any-comment' } }),
  }),
  ...answered(200, 'NOT_FOUND', {
    'a huge order id to cancel': signed({ query: CANCEL, variables: { id: HUGE } }),
    'an empty order id to cancel': signed({ query: CANCEL, variables: { id: '' } }),
    'a huge order id to ship': staffSigned({ query: SHIP, variables: { id: HUGE } }),
    'an order id of control characters to ship': staffSigned({
      query: SHIP,
      variables: { id: '\u0000\u202E\uD800' },
    }),
    'a huge comment id to hide': staffSigned({ query: HIDE, variables: { id: HUGE } }),
    'an empty comment id to unhide': staffSigned({ query: UNHIDE, variables: { id: '' } }),
  }),
  ...answered(200, 'BAD_USER_INPUT', {
    'a huge allOrders cursor': staffSigned({ query: ALL_ORDERS, variables: { c: HUGE } }),
    'a products cursor replayed on allOrders': staffSigned({
      query: ALL_ORDERS,
      variables: {
        c: Buffer.from(JSON.stringify({ c: 'product', k: { id: PRODUCT_ID } })).toString('base64url'),
      },
    }),
    'a huge hiddenComments cursor': staffSigned({ query: HIDDEN_COMMENTS, variables: { c: HUGE } }),
  }),
  ...answered(400, 'BAD_USER_INPUT', {
    'an order status that does not exist': staffSigned({ query: ALL_ORDERS, variables: { s: 'REFUNDED' } }),
  }),
];
