import { h } from '../dom';
import { graphql } from '../generated';
import type { ProductCardFragment } from '../generated/graphql';
import { formatCents } from '../money';
import { hrefFor } from '../router';
import type { View } from '../view';
import { addButton, productImage, stockNote } from './productParts';

/** What a card of the product grid shows. */
graphql(`
  fragment ProductCard on Product {
    id
    name
    image
    price
    stock
    isSelected
    rating
    commentCount
  }
`);

/** One product of the grid, named by its heading (the browser tests find cards by it). */
export function productCard(view: View, product: ProductCardFragment): HTMLElement {
  const headingId = `product-${product.id}`;
  const inCart = h('span', { class: 'in-cart', hidden: !product.isSelected }, 'In your cart');
  const article = h(
    'article',
    { class: 'product-card', 'aria-labelledby': headingId },
    productImage(product),
    h('h2', { id: headingId }, h('a', { href: hrefFor({ page: 'product', id: product.id }) }, product.name)),
    h('p', { class: 'price', 'data-testid': 'price' }, formatCents(product.price)),
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
