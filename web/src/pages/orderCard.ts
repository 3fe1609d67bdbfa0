import { execute } from '../api';
import { ApiError } from '../apiError';
import { h, show } from '../dom';
import { graphql } from '../generated';
import type { OrderCardFragment } from '../generated/graphql';
import { formatCents } from '../money';
import { showError, type View } from '../view';
import { orderStatusBadge } from './orderStatus';

/** What an order's card shows; cancelOrder answers it too, so the card repaints from the answer. */
graphql(`
  fragment OrderCard on Order {
    id
    createdAt
    status
    cancelledAt
    shippedAt
    promotionCode
    subtotal
    discount
    total
    itemCount
    items {
      productId
      name
      price
      quantity
      lineTotal
    }
  }
`);

const CancelOrder = graphql(`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      ...OrderCard
    }
  }
`);

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** The short form of an order's id that its card and the staff's table show. */
export function shortOrderId(id: string): string {
  return id.slice(0, 8);
}

/**
 * One order: its lines, promotion and total, its status, and **Cancel** while it is PLACED. A
 * cancellation repaints the status from the API's answer; a refusal (it shipped meanwhile) is
 * said in the page's notice, and `onStale` reloads the orders to show where the order stands.
 */
export function orderCard(
  view: View,
  initial: OrderCardFragment,
  justPlaced: boolean,
  onStale: () => void,
): HTMLElement {
  let order = initial;
  const short = shortOrderId(order.id);
  const headingId = `order-${order.id}`;
  const status = h('p', { class: 'order-state' });

  const paint = () => {
    if (order.status !== 'PLACED') return show(status, orderStatusBadge(order));
    const cancel = h('button', { type: 'button', 'aria-label': `Cancel order ${short}` }, 'Cancel');
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      try {
        order = (await execute(CancelOrder, { id: order.id })).cancelOrder;
        if (!view.isCurrent()) return;
        paint();
        view.layout.notify(`Order ${short} is cancelled: its items are back in stock.`, 'success');
      } catch (error) {
        cancel.disabled = false;
        showError(view, error, { subject: 'order' });
        // Refused because it shipped meanwhile: show the order as it now stands.
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') onStale();
      }
    });
    show(status, orderStatusBadge(order), ' ', cancel);
  };
  paint();

  return h(
    'article',
    { class: justPlaced ? 'order just-placed' : 'order', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, `Order ${short} · ${dateTimeFormat.format(new Date(order.createdAt))}`),
    status,
    h(
      'ul',
      {},
      ...order.items.map((item) =>
        h(
          'li',
          {},
          `${item.quantity} × ${item.name} at ${formatCents(item.price)}: ${formatCents(item.lineTotal)}`,
        ),
      ),
    ),
    h(
      'p',
      { class: 'meta' },
      order.promotionCode ? `Promotion ${order.promotionCode}: −${formatCents(order.discount)} · ` : '',
      `${order.itemCount} ${order.itemCount === 1 ? 'item' : 'items'}`,
    ),
    h('p', { class: 'order-total' }, `Total ${formatCents(order.total)}`),
  );
}
