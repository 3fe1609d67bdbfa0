import { execute } from '../api';
import { h, show } from '../dom';
import { graphql } from '../generated';
import type { OrdersPageQuery } from '../generated/graphql';
import { formatCents } from '../money';
import { hrefFor } from '../router';
import { loading, showError, type View } from '../view';

const PAGE_SIZE = 10;

/** One request: a page of the shopper's orders (newest first) and the cart badge. */
const OrdersPage = graphql(`
  query OrdersPage($first: Int!, $after: String) {
    orders(first: $first, after: $after) {
      nodes {
        id
        createdAt
        status
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

type Order = OrdersPageQuery['orders']['nodes'][number];

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export async function renderOrders(
  view: View,
  after: string | undefined,
  placed: string | undefined,
): Promise<void> {
  const { main } = view.layout;
  if (!view.session) {
    show(
      main,
      h('h1', {}, 'Your orders'),
      h(
        'p',
        {},
        h('a', { href: hrefFor({ page: 'signIn', next: '#/orders' }) }, 'Sign in'),
        ' to see your orders.',
      ),
    );
    return;
  }
  show(main, loading());
  try {
    const data = await execute(OrdersPage, { first: PAGE_SIZE, after });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart.itemCount);
    const { nodes, pageInfo } = data.orders;
    show(
      main,
      h('h1', {}, 'Your orders'),
      nodes.length === 0
        ? h('p', {}, 'No orders yet.')
        : h(
            'ol',
            { class: 'orders' },
            ...nodes.map((order) => h('li', {}, orderCard(order, order.id === placed))),
          ),
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Order pages' },
        after ? h('a', { href: hrefFor({ page: 'orders' }) }, 'Newest orders') : null,
        pageInfo.hasNextPage && pageInfo.endCursor
          ? h('a', { href: hrefFor({ page: 'orders', after: pageInfo.endCursor }) }, 'Older orders')
          : null,
      ),
    );
  } catch (error) {
    showError(view, error);
    show(main, h('p', {}, 'Your orders could not be loaded.'));
  }
}

function orderCard(order: Order, justPlaced: boolean): HTMLElement {
  const headingId = `order-${order.id}`;
  return h(
    'article',
    { class: justPlaced ? 'order just-placed' : 'order', 'aria-labelledby': headingId },
    h(
      'h2',
      { id: headingId },
      `Order ${order.id.slice(0, 8)} · ${dateTimeFormat.format(new Date(order.createdAt))}`,
    ),
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
      `${order.itemCount} ${order.itemCount === 1 ? 'item' : 'items'} · ${order.status.toLowerCase()}`,
    ),
    h('p', { class: 'order-total' }, `Total ${formatCents(order.total)}`),
  );
}
