import type { Request } from 'autocannon';

/**
 * The operations the load test sends, written as the storefront writes them: one request per
 * page (home page, product page, cart page, orders page, staff's order list) and the cart,
 * checkout and order life cycle mutations. Each named operation is also the label under which
 * the report counts its responses.
 */

const PRODUCT_CARD = `
  fragment ProductCard on Product { id name image price stock rating commentCount isSelected }
`;

/** The home page of an anonymous visitor: no `cart` badge, which would be UNAUTHENTICATED. */
export const HOME_PAGE_ANONYMOUS = `
  query HomePage {
    products(first: 20) {
      edges { cursor node { ...ProductCard comments(first: 3) { nodes { id author text rating createdAt } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${PRODUCT_CARD}
`;

/** The home page of a signed-in shopper: the same, with the cart badge. */
export const HOME_PAGE = `
  query HomePageSignedIn {
    products(first: 20) {
      edges { cursor node { ...ProductCard comments(first: 3) { nodes { id author text rating createdAt } } } }
      pageInfo { hasNextPage endCursor }
    }
    cart { itemCount total }
  }
  ${PRODUCT_CARD}
`;

export const PRODUCT_PAGE_ANONYMOUS = `
  query ProductPage($id: ID!) {
    product(id: $id) {
      ...ProductCard code description
      comments(first: 10) { edges { cursor node { id author text rating createdAt } } pageInfo { hasNextPage endCursor } }
    }
  }
  ${PRODUCT_CARD}
`;

export const PRODUCT_PAGE = `
  query ProductPageSignedIn($id: ID!) {
    product(id: $id) {
      ...ProductCard code description
      comments(first: 10) { edges { cursor node { id author text rating createdAt } } pageInfo { hasNextPage endCursor } }
    }
    cart { itemCount total }
  }
  ${PRODUCT_CARD}
`;

const CART_FIELDS =
  'items { product { id } quantity lineTotal } promotionCode subtotal discount total itemCount';

export const CART_PAGE = `query CartPage { cart { ${CART_FIELDS} updatedAt } }`;
export const ADD_TO_CART = `mutation AddToCart($productId: ID!, $quantity: Int) {
  addToCart(productId: $productId, quantity: $quantity) { ${CART_FIELDS} }
}`;
export const UPDATE_CART_ITEM = `mutation UpdateCartItem($productId: ID!, $quantity: Int!) {
  updateCartItem(productId: $productId, quantity: $quantity) { ${CART_FIELDS} }
}`;
export const APPLY_PROMOTION = `mutation ApplyPromotionCode($code: String) {
  applyPromotionCode(code: $code) { ${CART_FIELDS} }
}`;
export const CHECKOUT = `mutation Checkout($key: String!) {
  checkout(idempotencyKey: $key) { id items { productId quantity lineTotal } subtotal discount total status }
}`;
export const ORDERS = `query Orders { orders(first: 5) { nodes { id total createdAt } pageInfo { hasNextPage } } }`;
export const ADD_COMMENT = `mutation AddComment($productId: ID!, $text: String!, $rating: Int) {
  addComment(productId: $productId, text: $text, rating: $rating) { id createdAt }
}`;

const ORDER_LIFECYCLE = 'id customerId status createdAt cancelledAt shippedAt';

/** The shopper's cancel button on the orders page. */
export const CANCEL_ORDER = `mutation CancelOrder($id: ID!) { cancelOrder(id: $id) { ${ORDER_LIFECYCLE} } }`;
/** Staff's dispatch list: every customer's orders still to ship, newest first. */
export const ALL_ORDERS_PLACED = `query AllOrdersPlaced {
  allOrders(status: PLACED, first: 20) { nodes { ${ORDER_LIFECYCLE} } pageInfo { hasNextPage } }
}`;
/** Staff's ship button on that list. */
export const SHIP_ORDER = `mutation ShipOrder($id: ID!) { shipOrder(id: $id) { ${ORDER_LIFECYCLE} } }`;

/** The operation name of a document: the first name after `query` or `mutation`. */
export function operationName(document: string): string {
  const match = /\b(?:query|mutation)\s+(\w+)/.exec(document);
  if (!match?.[1]) throw new Error('Every load-test operation must be named');
  return match[1];
}

/** An autocannon request body for one GraphQL operation, signed in when a token is given. */
export function graphqlRequest(
  request: Request,
  document: string,
  variables: Record<string, unknown>,
  token?: string,
): Request {
  return {
    ...request,
    method: 'POST',
    headers: {
      ...request.headers,
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document, variables, operationName: operationName(document) }),
  };
}
