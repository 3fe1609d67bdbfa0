import { execute } from '../api';
import { h, show } from '../dom';
import { graphql } from '../generated';
import { hrefFor } from '../router';
import { loading, showError, type View } from '../view';
import { orderCard } from './orderCard';

const PAGE_SIZE = 10;

/** One request: a page of the shopper's orders (newest first) and the cart badge. */
const OrdersPage = graphql(`
  query OrdersPage($first: Int!, $after: String) {
    orders(first: $first, after: $after) {
      nodes {
        ...OrderCard
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
  await showOrders(view, after, placed);
}

/**
 * Loads the page of orders and shows it. A card whose order changed behind the shopper's back
 * (staff shipped it while the page was open) calls it again: the notice saying so stays.
 */
async function showOrders(view: View, after: string | undefined, placed: string | undefined): Promise<void> {
  const { main } = view.layout;
  try {
    const data = await execute(OrdersPage, { first: PAGE_SIZE, after });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart.itemCount);
    const { nodes, pageInfo } = data.orders;
    const reload = () => void showOrders(view, after, placed);
    show(
      main,
      h('h1', {}, 'Your orders'),
      nodes.length === 0
        ? h('p', {}, 'No orders yet.')
        : h(
            'ol',
            { class: 'orders' },
            ...nodes.map((order) => h('li', {}, orderCard(view, order, order.id === placed, reload))),
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
