import { execute } from '../../api';
import { h } from '../../dom';
import { graphql } from '../../generated';
import type { OrderStatus } from '../../generated/graphql';
import { hrefFor, ORDER_STATUSES } from '../../router';
import type { View } from '../../view';
import { ORDER_COLUMNS, orderRow } from './orderRow';
import { renderPagedSection } from './pagedTable';

const PAGE_SIZE = 20;

/**
 * One request: a page of every customer's orders (newest first), only those of `status` when
 * given, and the cart badge. "More" sends it again for the next page.
 */
const StaffOrdersPage = graphql(`
  query StaffOrdersPage($status: OrderStatus, $first: Int!, $after: String) {
    allOrders(status: $status, first: $first, after: $after) {
      nodes {
        ...StaffOrder
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    cart {
      itemCount
    }
  }
`);

const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  SHIPPED: 'Shipped',
  CANCELLED: 'Cancelled',
};

export function renderStaffOrders(
  view: View,
  container: HTMLElement,
  status: OrderStatus | undefined,
): Promise<void> {
  return renderPagedSection(view, container, {
    title: 'Orders',
    intro:
      "Every customer's orders, newest first. An order placed or changed a moment ago may take a moment to show.",
    columns: ORDER_COLUMNS,
    subject: 'order',
    empty: status ? `No ${STATUS_LABELS[status].toLowerCase()} orders.` : 'No orders yet.',
    load: async (after) => {
      const data = await execute(StaffOrdersPage, { status: status ?? null, first: PAGE_SIZE, after });
      return { page: data.allOrders, cartCount: data.cart.itemCount };
    },
    row: (order) => orderRow(view, order),
    controls: statusFilter(status),
  });
}

/** All, Placed, Shipped or Cancelled: links, so the address keeps the filter (and a reload). */
function statusFilter(status: OrderStatus | undefined): HTMLElement {
  const choices: ReadonlyArray<{ value: OrderStatus | undefined; label: string }> = [
    { value: undefined, label: 'All' },
    ...ORDER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
  ];
  return h(
    'nav',
    { class: 'filter', 'aria-label': 'Order status' },
    'Status: ',
    ...choices.map(({ value, label }) =>
      h(
        'a',
        {
          href: hrefFor({ page: 'staff', section: 'orders', status: value }),
          'aria-current': value === status ? 'page' : undefined,
        },
        label,
      ),
    ),
  );
}
