import { h } from '../dom';
import type { OrderStatus } from '../generated/graphql';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** What both the shopper's orders page and the staff's orders table say of an order's status. */
export interface OrderState {
  status: OrderStatus;
  cancelledAt: string | null;
  shippedAt: string | null;
}

/** "Placed", "Cancelled on Jun 3, 2026" or "Shipped on Jun 3, 2026", as a tinted badge. */
export function orderStatusBadge(order: OrderState): HTMLElement {
  return h(
    'span',
    { class: `order-status ${order.status.toLowerCase()}`, 'data-testid': 'order-status' },
    orderStatusText(order),
  );
}

export function orderStatusText({ status, cancelledAt, shippedAt }: OrderState): string {
  switch (status) {
    case 'PLACED':
      return 'Placed';
    case 'CANCELLED':
      return `Cancelled${on(cancelledAt)}`;
    case 'SHIPPED':
      return `Shipped${on(shippedAt)}`;
  }
}

/** The day of a change, when the order says it (a status learnt from a refusal has none). */
function on(at: string | null): string {
  return at ? ` on ${dateFormat.format(new Date(at))}` : '';
}
