import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { PlaceOrderResult } from '../../src/datasources/orderItems';
import { OrderStore } from '../../src/datasources/OrderStore';
import { createContext } from '../../src/graphql/createContext';
import type { StoreContext } from '../../src/resolvers/context';
import type { OrderRecord, ProductRecord } from '../../src/datasources/models';
import type { Shopper } from './fixtures';
import {
  dataOf,
  errorCodes,
  SAVE_CART,
  TOTALS_FIELDS,
  type PricedLineView,
  type SaveCartData,
  type TotalsView,
} from './storeApi';
import type { GraphQLResponse, TestApp } from './testApp';

/** Operations and helpers shared by the checkout and orders suites. */

export const ORDER_FIELDS = `
  id items { productId name price quantity lineTotal } ${TOTALS_FIELDS} status createdAt
`;

export const CHECKOUT = `mutation Checkout($key: String!) { checkout(idempotencyKey: $key) { ${ORDER_FIELDS} } }`;
export const ORDERS_QUERY = `query Orders($first: Int, $after: String) {
  orders(first: $first, after: $after) {
    edges { cursor node { id } }
    nodes { ${ORDER_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface OrderItemView extends PricedLineView {
  productId: string;
}

export interface OrderView extends TotalsView {
  id: string;
  items: OrderItemView[];
  status: string;
  createdAt: string;
}

export interface CheckoutData {
  checkout: OrderView;
}

export interface OrdersData {
  orders: {
    edges: Array<{ cursor: string; node: { id: string } }>;
    nodes: OrderView[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A fresh idempotency key, as a client would make one per checkout attempt. */
export function newKey(): string {
  return randomUUID();
}

/** Replaces the shopper's cart through the API (so stock and codes are validated as usual). */
export async function fillCart(
  app: TestApp,
  { token }: Shopper,
  lines: ReadonlyArray<readonly [ProductRecord, number]>,
  promotionCode?: string,
): Promise<void> {
  const items = lines.map(([product, quantity]) => ({ productId: product.id, quantity }));
  const response = await app.graphql<SaveCartData>(
    { query: SAVE_CART, variables: { input: { items, promotionCode } } },
    { token },
  );
  dataOf(response);
}

export function checkoutRequest(app: TestApp, { token }: Shopper, key: string) {
  return app.graphql<CheckoutData>({ query: CHECKOUT, variables: { key } }, { token });
}

export async function checkoutOk(app: TestApp, buyer: Shopper, key = newKey()): Promise<OrderView> {
  return dataOf(await checkoutRequest(app, buyer, key)).checkout;
}

export async function ordersOf(
  app: TestApp,
  { token }: Shopper,
  first?: number,
  after?: string | null,
): Promise<GraphQLResponse<OrdersData>> {
  return app.graphql<OrdersData>({ query: ORDERS_QUERY, variables: { first, after } }, { token });
}

/** Takes a product out of the catalogue behind the API's back (the API never deletes one). */
export async function removeProduct(app: TestApp, product: ProductRecord): Promise<void> {
  await app.db.send(new DeleteCommand({ TableName: app.tables.products, Key: { id: product.id } }));
}

/** Current stock of products, read straight from the table. */
export async function stockOf(app: TestApp, ...products: ProductRecord[]): Promise<number[]> {
  const stored = await app.scan('products');
  return products.map((product) => Number(stored.find((item) => item.id === product.id)?.stock));
}

/** The raw orders-table items of one user (what was really written, not what the API shows). */
export async function storedOrders(app: TestApp, userId: string): Promise<OrderRecord[]> {
  // A scan returns untyped attribute maps; every item of the orders table is a stored order.
  return (await app.scan('orders')).filter((order) => order.userId === userId) as unknown as OrderRecord[];
}

/**
 * A request context over the test app's real tables, for driving domain/checkout.ts directly
 * when a test must interleave another write at an exact point (between a read and the write).
 */
export function storeContext(app: TestApp, { userId, name }: Shopper): StoreContext {
  return createContext(
    { dynamo: app.db, tables: app.tables },
    { userId, displayName: name, staff: false },
    'test',
  );
}

/**
 * Every checkout transaction's outcome from now until the test's mocks are restored, from the real
 * store inside the handler: shows which races really happened, so a test cannot pass merely
 * because the requests ran one by one.
 */
export function recordPlacements(): PlaceOrderResult['outcome'][] {
  const outcomes: PlaceOrderResult['outcome'][] = [];
  const place = OrderStore.prototype.place;
  jest.spyOn(OrderStore.prototype, 'place').mockImplementation(async function (this: OrderStore, input) {
    const result = await place.call(this, input);
    outcomes.push(result.outcome);
    return result;
  });
  return outcomes;
}

/** A response's outcome: `OK`, or its first error code. */
export function outcomeOf(response: GraphQLResponse<unknown>): string {
  const [code] = errorCodes(response);
  return code === undefined ? 'OK' : String(code);
}

/** How many of `values` are `value`. */
export function count<T>(values: readonly T[], value: T): number {
  return values.filter((candidate) => candidate === value).length;
}
