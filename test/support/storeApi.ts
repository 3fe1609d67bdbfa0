import { randomUUID } from 'node:crypto';
import type { GraphQLResponse, TestApp } from './testApp';

/**
 * Small helpers shared by the integration suites: unique names (so tests sharing one app never
 * share a user or a product), error-code extraction, and the cart operations most suites send.
 */

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** The `extensions.code` of every error of a response, in order ([] when there is none). */
export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

/** The data of a response that must have succeeded; a failure shows the whole body. */
export function dataOf<TData>(response: GraphQLResponse<TData>): TData {
  const { data, errors } = response.body;
  if (errors?.length || data === null || data === undefined) {
    throw new Error(`Expected data without errors, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return data;
}

/** What a cart and an order both show: the totals the API priced from the catalogue. */
export const TOTALS_FIELDS = 'promotionCode discountPercentage subtotal discount total itemCount';

export interface TotalsView {
  promotionCode: string | null;
  discountPercentage: number;
  subtotal: number;
  discount: number;
  total: number;
  itemCount: number;
}

/** A line of a cart or an order, at the price it was priced at. */
export interface PricedLineView {
  name: string;
  price: number;
  quantity: number;
  lineTotal: number;
}

export const CART_FIELDS = `
  items { product { id isSelected } name code price quantity lineTotal }
  ${TOTALS_FIELDS} updatedAt
`;

export interface CartItemView extends PricedLineView {
  product: { id: string; isSelected: boolean };
  code: string;
}

export interface CartView extends TotalsView {
  items: CartItemView[];
  updatedAt: string | null;
}

export const CART_QUERY = `query Cart { cart { ${CART_FIELDS} } }`;
export const ADD_TO_CART = `mutation Add($productId: ID!, $quantity: Int) {
  addToCart(productId: $productId, quantity: $quantity) { ${CART_FIELDS} }
}`;
export const UPDATE_CART_ITEM = `mutation Update($productId: ID!, $quantity: Int!) {
  updateCartItem(productId: $productId, quantity: $quantity) { ${CART_FIELDS} }
}`;
export const REMOVE_FROM_CART = `mutation Remove($productId: ID!) {
  removeFromCart(productId: $productId) { ${CART_FIELDS} }
}`;
export const SAVE_CART = `mutation Save($input: SaveCartInput!) { saveCart(input: $input) { ${CART_FIELDS} } }`;
export const APPLY_PROMOTION = `mutation Apply($code: String) { applyPromotionCode(code: $code) { ${CART_FIELDS} } }`;

export interface CartData {
  cart: CartView;
}
export interface AddToCartData {
  addToCart: CartView;
}
export interface UpdateCartItemData {
  updateCartItem: CartView;
}
export interface RemoveFromCartData {
  removeFromCart: CartView;
}
export interface SaveCartData {
  saveCart: CartView;
}
export interface ApplyPromotionData {
  applyPromotionCode: CartView;
}

/** addToCart that must succeed: for the Prepare step of tests about something else. */
export async function addToCartOk(
  app: TestApp,
  token: string,
  productId: string,
  quantity?: number,
): Promise<CartView> {
  const response = await app.graphql<AddToCartData>(
    { query: ADD_TO_CART, variables: { productId, quantity } },
    { token },
  );
  return dataOf(response).addToCart;
}

/** A cart's lines as [productId, quantity] pairs, in cart order. */
export function cartLines(cart: CartView): Array<[string, number]> {
  return cart.items.map((item) => [item.product.id, item.quantity]);
}
