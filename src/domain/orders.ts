import type { OrderRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import { retry, RETRY, type RetryClock } from '../shared/retry';
import { MAX_STOCK } from './catalogue';
import type { Orders, Products } from './ports';

/**
 * Attempts at a cancellation that lost a race. Losing to a shipment or a twin cancellation ends
 * the next attempt (it reads the new status); losing to checkouts of the same products, which only
 * hold the items for the length of a transaction, ends within a few.
 */
const CANCEL_ATTEMPTS = 8;

export interface OrderLifecycleStores {
  orders: Pick<Orders, 'getById' | 'cancel' | 'findKey' | 'ship'>;
  products: Pick<Products, 'markChanged'>;
}

export interface OrderLifecycleOptions {
  now?: () => Date;
  clock?: RetryClock;
}

/**
 * The shopper cancels their own order while it is PLACED: in one transaction (OrderStore.cancel)
 * it becomes CANCELLED and every line's units and the promotion's use go back. Cancelling a
 * cancelled order returns it unchanged (so a retried request is harmless); a shipped one is
 * BAD_USER_INPUT; an order of someone else's reads as absent, never revealed.
 */
export async function cancelOrder(
  stores: OrderLifecycleStores,
  userId: string,
  orderId: string,
  { now = () => new Date(), clock }: OrderLifecycleOptions = {},
): Promise<OrderRecord> {
  return retry(
    async () => {
      const order = await stores.orders.getById(userId, orderId);
      if (!order) throw orderNotFound();
      if (order.status === 'CANCELLED') return order;
      if (order.status === 'SHIPPED') {
        throw badUserInput('This order has shipped and can no longer be cancelled', { field: 'id' });
      }
      const cancelledAt = now().toISOString();
      const result = await stores.orders.cancel(order, { cancelledAt, maxStock: MAX_STOCK });
      if (result.outcome === 'productsRefused') {
        throw clientError(
          ErrorCode.Conflict,
          'The stock of some products in this order is at its maximum and cannot take the units back; ask the store to lower it',
          { productIds: result.productIds },
        );
      }
      if (result.outcome !== 'cancelled') return RETRY;
      // The rest of the request (a later mutation of the same document) reads the returned stock.
      for (const line of order.items) stores.products.markChanged(line.productId);
      return { ...order, status: 'CANCELLED' as const, cancelledAt };
    },
    {
      maxAttempts: CANCEL_ATTEMPTS,
      baseMs: 10,
      capMs: 250,
      exhausted: () =>
        clientError(ErrorCode.Conflict, 'The store is too busy to cancel this order now; try again', {
          retryable: true,
        }),
    },
    clock,
  );
}

/**
 * Staff mark a PLACED order SHIPPED. Shipping a shipped order returns it unchanged; a cancelled
 * one is BAD_USER_INPUT. The conditional write decides a race with the shopper's cancellation:
 * exactly one of the two happens.
 */
export async function shipOrder(
  stores: OrderLifecycleStores,
  orderId: string,
  { now = () => new Date() }: OrderLifecycleOptions = {},
): Promise<OrderRecord> {
  const key = await stores.orders.findKey(orderId);
  if (!key) throw orderNotFound();
  const result = await stores.orders.ship(key, now().toISOString());
  if (result.outcome === 'shipped') return result.order;
  const { order } = result;
  if (!order) throw orderNotFound();
  if (order.status === 'SHIPPED') return order;
  throw badUserInput('This order was cancelled and cannot be shipped', { field: 'id' });
}

function orderNotFound() {
  return clientError(ErrorCode.NotFound, 'No order has that id', { field: 'id' });
}
