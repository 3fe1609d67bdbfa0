import { execute } from '../../api';
import { ApiError } from '../../apiError';
import { h, show } from '../../dom';
import { graphql } from '../../generated';
import type { StaffOrderFragment } from '../../generated/graphql';
import { formatCents } from '../../money';
import type { View } from '../../view';
import { shortOrderId } from '../orderCard';
import { orderStatusBadge } from '../orderStatus';
import { inlineMessage, whileBusy } from './inline';

/** What the staff orders table shows of an order; shipOrder answers it too. */
graphql(`
  fragment StaffOrder on Order {
    id
    customerId
    createdAt
    status
    cancelledAt
    shippedAt
    itemCount
    total
  }
`);

const ShipOrder = graphql(`
  mutation ShipOrder($id: ID!) {
    shipOrder(id: $id) {
      ...StaffOrder
    }
  }
`);

export const ORDER_COLUMNS = ['Order', 'Placed', 'Customer', 'Items', 'Total', 'Status', ''] as const;

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * One order of the staff table, as a `tbody` of two rows: the order with **Ship** while it is
 * PLACED, and the message about the last shipment tried. A shipment repaints the row from the
 * order the API returned; one refused because the shopper cancelled shows the order cancelled.
 */
export function orderRow(view: View, initial: StaffOrderFragment): HTMLTableSectionElement {
  let order = initial;
  const short = shortOrderId(order.id);
  const messageRow = h('tr', { class: 'row-message' });
  const message = inlineMessage(view, messageRow);
  messageRow.append(h('td', { colspan: ORDER_COLUMNS.length }, message.element));

  const status = h('td', {});
  const action = h('td', {});
  const row = h(
    'tr',
    {},
    h('th', { scope: 'row' }, short),
    h('td', {}, dateTimeFormat.format(new Date(order.createdAt))),
    h('td', {}, order.customerId),
    h('td', {}, String(order.itemCount)),
    h('td', {}, formatCents(order.total)),
    status,
    action,
  );

  const paint = () => {
    show(status, orderStatusBadge(order));
    if (order.status !== 'PLACED') return show(action);
    const ship = h('button', { type: 'button', 'aria-label': `Ship order ${short}` }, 'Ship');
    ship.addEventListener('click', () => {
      void whileBusy([ship], async () => {
        try {
          order = (await execute(ShipOrder, { id: order.id })).shipOrder;
          message.say(`Order ${short} is shipped.`);
        } catch (error) {
          // shipOrder refuses only an order the shopper cancelled meanwhile.
          if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
            order = { ...order, status: 'CANCELLED' };
          }
          message.fail(error, { subject: 'order' });
        }
        paint();
      });
    });
    show(action, ship);
  };
  paint();

  return h('tbody', { 'data-testid': `staff-order-${order.id}` }, row, messageRow);
}
