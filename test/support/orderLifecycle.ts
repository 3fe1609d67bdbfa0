import type { Shopper } from './fixtures';
import { ORDER_FIELDS, type OrderView } from './orders';
import { dataOf } from './storeApi';
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
