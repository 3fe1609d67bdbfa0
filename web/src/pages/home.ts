import { execute } from '../api';
import { h, show } from '../dom';
import { graphql } from '../generated';
import type { HomePageQuery } from '../generated/graphql';
import { formatCents } from '../money';
import { hrefFor } from '../router';
import { loading, showError, type View } from '../view';
import { addButton, productImage, stockNote } from './productParts';

const PAGE_SIZE = 20;

/** One request: a page of products, whether each is in the cart, and the cart badge. */
const HomePage = graphql(`
  query HomePage($first: Int!, $after: String, $signedIn: Boolean!) {
    products(first: $first, after: $after) {
      nodes {
        id
        name
        image
        price
        stock
        isSelected
        rating
        commentCount
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    cart @include(if: $signedIn) {
      itemCount
    }
  }
`);

type ProductCard = HomePageQuery['products']['nodes'][number];

export async function renderHome(view: View, after: string | undefined): Promise<void> {
  const { main } = view.layout;
  show(main, loading());
  try {
    const data = await execute(HomePage, { first: PAGE_SIZE, after, signedIn: view.session !== null });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart?.itemCount ?? null);
    const { nodes, pageInfo } = data.products;
    show(
      main,
      h('h1', {}, 'Products'),
      h('ul', { class: 'product-grid' }, ...nodes.map((product) => h('li', {}, card(view, product)))),
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Product pages' },
        after ? h('a', { href: hrefFor({ page: 'home' }) }, 'First page') : null,
        pageInfo.hasNextPage && pageInfo.endCursor
          ? h('a', { href: hrefFor({ page: 'home', after: pageInfo.endCursor }) }, 'Next page')
          : null,
      ),
    );
  } catch (error) {
    showError(view, error);
    show(main, h('p', {}, 'The products could not be loaded.'));
  }
}

function card(view: View, product: ProductCard): HTMLElement {
  const headingId = `product-${product.id}`;
  const inCart = h('span', { class: 'in-cart', hidden: !product.isSelected }, 'In your cart');
  const article = h(
    'article',
    { class: 'product-card', 'aria-labelledby': headingId },
    productImage(product),
    h('h2', { id: headingId }, h('a', { href: hrefFor({ page: 'product', id: product.id }) }, product.name)),
    h('p', { class: 'price' }, formatCents(product.price)),
    h(
      'p',
      { class: 'meta' },
      product.rating === null ? 'No ratings yet' : `★ ${product.rating.toFixed(1)}`,
      ` · ${product.commentCount} ${product.commentCount === 1 ? 'comment' : 'comments'}`,
    ),
    stockNote(product.stock),
    inCart,
    addButton(view, product, () => (inCart.hidden = false)),
  );
  article.classList.toggle('selected', product.isSelected);
  return article;
}
