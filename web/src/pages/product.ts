import { execute } from '../api';
import { h, show } from '../dom';
import { graphql } from '../generated';
import type { ProductPageQuery } from '../generated/graphql';
import { formatCents } from '../money';
import { hrefFor } from '../router';
import { loading, showError, type View } from '../view';
import { addButton, productImage, stockNote } from './productParts';

const COMMENTS_PER_PAGE = 3;

/** One request: the product, one page of its comments (newest first), and the cart badge. */
const ProductPage = graphql(`
  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {
    product(id: $id) {
      id
      name
      description
      image
      code
      price
      stock
      isSelected
      rating
      commentCount
      categories {
        slug
        name
      }
      comments(first: $commentsFirst, after: $commentsAfter) {
        nodes {
          id
          author
          text
          rating
          createdAt
          verifiedPurchase
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    cart @include(if: $signedIn) {
      itemCount
    }
  }
`);

const AddComment = graphql(`
  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {
    addComment(productId: $productId, text: $text, rating: $rating) {
      id
    }
  }
`);

type Product = NonNullable<ProductPageQuery['product']>;
type Comment = Product['comments']['nodes'][number];

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

export async function renderProduct(view: View, id: string, after: string | undefined): Promise<void> {
  const { main } = view.layout;
  show(main, loading());
  try {
    const data = await execute(ProductPage, {
      id,
      commentsFirst: COMMENTS_PER_PAGE,
      commentsAfter: after,
      signedIn: view.session !== null,
    });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart?.itemCount ?? null);
    if (!data.product) {
      show(main, h('h1', {}, 'Product not found'), h('p', {}, 'We could not find that product.'));
      return;
    }
    show(main, productSection(view, data.product), commentsSection(view, data.product, after));
  } catch (error) {
    showError(view, error);
    show(main, h('p', {}, 'The product could not be loaded.'));
  }
}

function productSection(view: View, product: Product): HTMLElement {
  const inCart = h('p', { class: 'in-cart', hidden: !product.isSelected }, 'In your cart');
  return h(
    'section',
    { class: 'product-detail' },
    productImage(product),
    h(
      'div',
      {},
      h('h1', {}, product.name),
      h('p', { class: 'price' }, formatCents(product.price)),
      product.description ? h('p', {}, product.description) : null,
      h('p', { class: 'meta' }, `Code ${product.code}`),
      product.categories.length === 0
        ? null
        : h(
            'p',
            { class: 'meta' },
            'In ',
            ...product.categories.flatMap(({ slug, name }, index) => [
              index === 0 ? '' : ', ',
              h('a', { href: hrefFor({ page: 'home', category: slug }) }, name),
            ]),
          ),
      // The page says how many are left; the grid's cards only when few are.
      stockNote(product.stock) ?? h('p', { class: 'stock' }, `${product.stock} in stock`),
      inCart,
      addButton(view, product, () => (inCart.hidden = false)),
    ),
  );
}

function commentsSection(view: View, product: Product, after: string | undefined): HTMLElement {
  const { nodes, pageInfo } = product.comments;
  return h(
    'section',
    { class: 'comments', 'aria-labelledby': 'comments-heading' },
    h(
      'h2',
      { id: 'comments-heading' },
      `Comments (${product.commentCount})`,
      product.rating === null
        ? null
        : h('span', { class: 'meta' }, ` ★ ${product.rating.toFixed(1)} average`),
    ),
    nodes.length === 0
      ? h('p', {}, 'No comments yet.')
      : h('ol', { class: 'comment-list' }, ...nodes.map(comment)),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Comment pages' },
      after ? h('a', { href: hrefFor({ page: 'product', id: product.id }) }, 'Newest comments') : null,
      pageInfo.hasNextPage && pageInfo.endCursor
        ? h(
            'a',
            { href: hrefFor({ page: 'product', id: product.id, after: pageInfo.endCursor }) },
            'Older comments',
          )
        : null,
    ),
    view.session
      ? commentForm(view, product)
      : h(
          'p',
          {},
          h('a', { href: hrefFor({ page: 'signIn', next: location.hash }) }, 'Sign in'),
          ' to write a comment.',
        ),
  );
}

function comment(item: Comment): HTMLElement {
  return h(
    'li',
    { class: 'comment' },
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, item.author),
      // The author had bought the product when writing: the API decides, from their orders.
      ...(item.verifiedPurchase ? [' · ', h('span', { class: 'verified' }, '✓ Verified purchase')] : []),
      item.rating === null ? '' : ` · ${'★'.repeat(item.rating)}${'☆'.repeat(5 - item.rating)}`,
      ` · ${dateFormat.format(new Date(item.createdAt))}`,
    ),
    // Verbatim text as a text node: the API stores comments unescaped on purpose.
    h('p', {}, item.text),
  );
}

function commentForm(view: View, product: Product): HTMLElement {
  const text = h('textarea', { name: 'text', rows: 3, maxlength: 2000, required: true });
  const rating = h(
    'select',
    { name: 'rating' },
    h('option', { value: '' }, 'No rating'),
    ...[5, 4, 3, 2, 1].map((stars) =>
      h('option', { value: stars }, `${stars} ${stars === 1 ? 'star' : 'stars'}`),
    ),
  );
  const submit = h('button', { type: 'submit' }, 'Post comment');
  const form = h(
    'form',
    { class: 'comment-form', 'aria-label': 'Write a comment' },
    h('label', {}, 'Your comment', text),
    h('label', {}, 'Rating', rating),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await execute(AddComment, {
        productId: product.id,
        text: text.value,
        rating: rating.value === '' ? null : Number(rating.value),
      });
      // The newest comment is on the first page: show it there (one request, as any page).
      if (view.isCurrent())
        view.navigate({ page: 'product', id: product.id }, 'Thank you! Your comment is posted.');
    } catch (error) {
      showError(view, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
