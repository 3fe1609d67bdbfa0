import type { OrderRecord, PromotionRecord } from './models';

/**
 * How an order is stored, and what the order store's writes take and answer. Orders table:
 * partition `userId`, sort `id`; the local index `byCreatedAt` and the global indexes `byStatus`
 * and `byId` are described in OrderStore.ts and ordersByStatus.ts.
 */
export const BY_CREATED_AT_INDEX = 'byCreatedAt';
export const BY_STATUS_INDEX = 'byStatus';
export const BY_ID_INDEX = 'byId';

/** An order as stored: `createdKey` = `<createdAt>#<id>` sorts it by time in every index. */
export type StoredOrder = OrderRecord & { createdKey: string };

export function toStoredOrder(order: OrderRecord): StoredOrder {
  return { ...order, createdKey: `${order.createdAt}#${order.id}` };
}

export function toOrderRecord({ createdKey: _createdKey, ...order }: StoredOrder): OrderRecord {
  return order;
}

export interface PlaceOrder {
  order: OrderRecord;
  /** The cart version the order was priced from: the cart is emptied only if it is still that. */
  cartVersion: number;
  /** The promotion the order was priced with (read consistently), whose use the order counts. */
  promotion?: Pick<PromotionRecord, 'code' | 'kind' | 'value'>;
}

/** Why a placement did not happen; every outcome but `placed` left every table unchanged. */
export type PlaceOrderResult =
  | { outcome: 'placed' }
  /** An order with this id exists already: a retry, or a concurrent twin that won. */
  | { outcome: 'orderExists' }
  /** The cart was written since it was read: the order may not match it any more. */
  | { outcome: 'cartChanged' }
  /** These products' stock or price moved since they were read (possibly below the quantity). */
  | { outcome: 'productsChanged'; productIds: string[] }
  /** The order's promotion was deactivated or used up since it was read. */
  | { outcome: 'promotionChanged' }
  /** Concurrent transactions on the same items, or throttling: nothing is known to be wrong. */
  | { outcome: 'contention' };

/** What a cancellation's transaction did; every outcome but `cancelled` wrote nothing. */
export type CancelOrderResult =
  | { outcome: 'cancelled' }
  /** The order is not PLACED any more (cancelled or shipped since it was read): read it again. */
  | { outcome: 'notPlaced' }
  /**
   * These products cannot take their units back: their stock is so high that it would leave the
   * range of `maxStock`, or they were removed behind the API's back.
   */
  | { outcome: 'productsRefused'; productIds: string[] }
  /** Concurrent transactions on the same items, or throttling: nothing is known to be wrong. */
  | { outcome: 'contention' };

/** What shipping did: `order` is the order as it now is (null when no order has the key). */
export type ShipOrderResult =
  { outcome: 'shipped'; order: OrderRecord } | { outcome: 'notPlaced'; order: OrderRecord | null };

/** The key of an order, which staff know only by its id. */
export interface OrderKey {
  userId: string;
  id: string;
}
