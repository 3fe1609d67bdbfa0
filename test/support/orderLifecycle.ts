import { randomUUID } from 'node:crypto';
import type { OrderRecord, ProductRecord } from '../../src/datasources/models';
import type { Shopper } from './fixtures';
import { checkoutOk, fillCart, ORDER_FIELDS, storedOrders, type OrderView } from './orders';
import { dataOf, uniqueId } from './storeApi';
import type { GraphQLResponse, TestApp } from './testApp';

/** Operations and helpers shared by the suites on an order's life after checkout. */

export const LIFECYCLE_FIELDS = `${ORDER_FIELDS} cancelledAt shippedAt customerId`;

export const CANCEL_ORDER = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { ${LIFECYCLE_FIELDS} } }`;
export const SHIP_ORDER = `mutation Ship($id: ID!) { shipOrder(id: $id) { ${LIFECYCLE_FIELDS} } }`;
export const ALL_ORDERS = `query AllOrders($status: OrderStatus, $first: Int, $after: String) {
  allOrders(status: $status, first: $first, after: $after) {
    nodes { ${LIFECYCLE_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface LifecycleOrderView extends OrderView {
  cancelledAt: string | null;
  shippedAt: string | null;
  customerId: string;
}

export interface AllOrdersData {
  allOrders: {
    nodes: LifecycleOrderView[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export function cancelRequest(
  app: TestApp,
  { token }: Shopper,
  id: string,
): Promise<GraphQLResponse<{ cancelOrder: LifecycleOrderView }>> {
  return app.graphql({ query: CANCEL_ORDER, variables: { id } }, { token });
}

export function shipRequest(
  app: TestApp,
  { token }: Shopper,
  id: string,
): Promise<GraphQLResponse<{ shipOrder: LifecycleOrderView }>> {
  return app.graphql({ query: SHIP_ORDER, variables: { id } }, { token });
}

export async function cancelOk(app: TestApp, buyer: Shopper, id: string): Promise<LifecycleOrderView> {
  return dataOf(await cancelRequest(app, buyer, id)).cancelOrder;
}

export async function shipOk(app: TestApp, staff: Shopper, id: string): Promise<LifecycleOrderView> {
  return dataOf(await shipRequest(app, staff, id)).shipOrder;
}

export function allOrdersRequest(
  app: TestApp,
  { token }: Shopper,
  variables: { status?: string; first?: number; after?: string | null } = {},
): Promise<GraphQLResponse<AllOrdersData>> {
  return app.graphql<AllOrdersData>({ query: ALL_ORDERS, variables }, { token });
}

/** The caller's own orders (`orders`, one page of 100) with their life-cycle fields. */
export const MY_ORDERS = `query MyOrders { orders(first: 100) { nodes { ${LIFECYCLE_FIELDS} } } }`;

export async function myOrders(app: TestApp, { token }: Shopper): Promise<LifecycleOrderView[]> {
  const response = await app.graphql<{ orders: { nodes: LifecycleOrderView[] } }>(
    { query: MY_ORDERS },
    { token },
  );
  return dataOf(response).orders.nodes;
}

/** Fills the buyer's cart (with `promotionCode` when given) and checks it out. */
export async function placeOrder(
  app: TestApp,
  buyer: Shopper,
  lines: ReadonlyArray<readonly [ProductRecord, number]>,
  promotionCode?: string,
): Promise<OrderView> {
  await fillCart(app, buyer, lines, promotionCode);
  return checkoutOk(app, buyer);
}

/**
 * Ids no order has, though each reaches the store as a string: the empty string, one too long to
 * be a key, unicode, and one shaped exactly as a real order id (32 hex digits).
 */
export const UNKNOWN_ORDER_IDS: ReadonlyArray<readonly [string, string]> = [
  ['the empty string', ''],
  ['2000 characters', 'x'.repeat(2000)],
  ['1000 three-byte characters', '注'.repeat(1000)],
  ['unicode', 'заказ-注文-🚀-\u0000'],
  ['a lone surrogate', 'a\uD800b'],
  ['a well-formed id of no order', randomUUID().replace(/-/g, '')],
];

/** A promotion code no other test uses: upper-case letters and digits only. */
export function promotionCodeFor(prefix: string): string {
  return uniqueId(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A promotion's `timesUsed`, read straight from the table (0 when the attribute is absent). */
export async function timesUsedOf(app: TestApp, code: string): Promise<number> {
  const stored = (await app.scan('promotions')).find((item) => item.code === code);
  if (!stored) throw new Error(`No promotion ${code} is stored`);
  return Number(stored.timesUsed ?? 0);
}

/** One order as stored (what was really written, whatever the API answered). */
export async function storedOrder(app: TestApp, userId: string, id: string): Promise<OrderRecord> {
  const found = (await storedOrders(app, userId)).find((order) => order.id === id);
  if (!found) throw new Error(`No order ${id} of ${userId} is stored`);
  return found;
}

/**
 * Every page of `allOrders` from the first, `first` at a time, until `hasNextPage` is false: the
 * nodes in the order listed. `betweenPages` runs after each page but the last, with the page's
 * nodes, so a test can change orders while a client walks the list.
 */
export async function walkAllOrders(
  app: TestApp,
  staff: Shopper,
  { status, first }: { status?: string; first: number },
  betweenPages: (page: LifecycleOrderView[]) => Promise<void> = async () => {},
): Promise<LifecycleOrderView[]> {
  const listed: LifecycleOrderView[] = [];
  let after: string | null = null;
  for (;;) {
    const page: AllOrdersData['allOrders'] = dataOf(
      await allOrdersRequest(app, staff, { ...(status ? { status } : {}), first, after }),
    ).allOrders;
    listed.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return listed;
    after = page.pageInfo.endCursor;
    await betweenPages(page.nodes);
  }
}

/** The ids of `orders` that are among `ids`, in the order given: a test's own orders in a listing. */
export function idsAmong(orders: ReadonlyArray<{ id: string }>, ids: readonly string[]): string[] {
  return orders.map((order) => order.id).filter((id) => ids.includes(id));
}

/**
 * The ids in the order `allOrders` lists them: newest first by `createdAt`, and by id (descending)
 * between orders of the same millisecond, as the index sorts `<createdAt>#<id>`.
 */
export function newestFirst(orders: ReadonlyArray<{ id: string; createdAt: string }>): string[] {
  const keyOf = (order: { id: string; createdAt: string }) => `${order.createdAt}#${order.id}`;
  return [...orders]
    .sort((a, b) => (keyOf(a) < keyOf(b) ? 1 : keyOf(a) > keyOf(b) ? -1 : 0))
    .map((order) => order.id);
}
