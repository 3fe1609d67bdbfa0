import { addToCart } from '../addToCart';
import { h } from '../dom';
import { hrefFor } from '../router';
import { showError, type View } from '../view';

/**
 * The product's picture, or its initial on a tinted tile when it has none or the file fails to
 * load (a stale path, say): a broken-image icon would say less than the initial. The size
 * attributes reserve the 4:3 box before the file arrives, so the grid does not jump.
 */
export function productImage(product: { name: string; image: string | null }): HTMLElement {
  const placeholder = () =>
    h('div', { class: 'product-image placeholder', 'aria-hidden': 'true' }, product.name.slice(0, 1));
  if (!product.image) return placeholder();
  const image = h('img', {
    class: 'product-image',
    src: product.image,
    alt: product.name,
    width: 400,
    height: 300,
    loading: 'lazy',
  });
  image.addEventListener('error', () => image.replaceWith(placeholder()), { once: true });
  return image;
}

export function stockNote(stock: number): HTMLElement | null {
  if (stock === 0) return h('p', { class: 'stock out' }, 'Out of stock');
  if (stock <= 5) return h('p', { class: 'stock low' }, `Only ${stock} left`);
  return null;
}

/** Signed out, the button leads to sign-in; signed in, it adds one unit and updates the badge. */
export function addButton(
  view: View,
  product: { id: string; name: string; stock: number },
  onAdded: () => void,
): HTMLElement {
  if (!view.session) {
    return h(
      'a',
      { class: 'button', href: hrefFor({ page: 'signIn', next: location.hash }) },
      'Sign in to buy',
    );
  }
  if (product.stock === 0) return h('button', { type: 'button', disabled: true }, 'Out of stock');
  const button = h('button', { type: 'button' }, 'Add to cart');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const itemCount = await addToCart(product.id);
      view.layout.clearNotice();
      view.layout.setCartCount(itemCount);
      onAdded();
    } catch (error) {
      showError(view, error, { productNames: new Map([[product.id, product.name]]) });
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
