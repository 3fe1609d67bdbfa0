import { execute } from '../api';
import { ApiError, ClientErrorCode } from '../apiError';
import { h, show } from '../dom';
import { graphql } from '../generated';
import type { CartViewFragment } from '../generated/graphql';
import { formatCents } from '../money';
import { hrefFor } from '../router';
import { loading, showError, type View } from '../view';

/** Every cart mutation answers the whole cart, so the page re-renders from the answer alone. */
graphql(`
  fragment CartView on Cart {
    items {
      product {
        id
        stock
      }
      name
      code
      price
      quantity
      lineTotal
    }
    promotionCode
    discountPercentage
    promotionNotice
    subtotal
    discount
    total
    itemCount
  }
`);

const CartPage = graphql(`
  query CartPage {
    cart {
      ...CartView
    }
  }
`);

const UpdateCartItem = graphql(`
  mutation UpdateCartItem($productId: ID!, $quantity: Int!) {
    updateCartItem(productId: $productId, quantity: $quantity) {
      ...CartView
    }
  }
`);

const RemoveFromCart = graphql(`
  mutation RemoveFromCart($productId: ID!) {
    removeFromCart(productId: $productId) {
      ...CartView
    }
  }
`);

const ApplyPromotionCode = graphql(`
  mutation ApplyPromotionCode($code: String) {
    applyPromotionCode(code: $code) {
      ...CartView
    }
  }
`);

const Checkout = graphql(`
  mutation Checkout($idempotencyKey: String!) {
    checkout(idempotencyKey: $idempotencyKey) {
      id
    }
  }
`);

export async function renderCart(view: View): Promise<void> {
  const { main } = view.layout;
  if (!view.session) {
    show(
      main,
      h('h1', {}, 'Your cart'),
      h(
        'p',
        {},
        h('a', { href: hrefFor({ page: 'signIn', next: '#/cart' }) }, 'Sign in'),
        ' to see your cart.',
      ),
    );
    return;
  }
  show(main, loading());
  try {
    const { cart } = await execute(CartPage);
    if (view.isCurrent()) showCart(view, cart);
  } catch (error) {
    showError(view, error);
    show(main, h('p', {}, 'Your cart could not be loaded.'));
  }
}

function showCart(view: View, cart: CartViewFragment): void {
  view.layout.setCartCount(cart.itemCount);
  if (cart.items.length === 0) {
    show(
      view.layout.main,
      h('h1', {}, 'Your cart'),
      h(
        'p',
        {},
        'Your cart is empty. ',
        h('a', { href: hrefFor({ page: 'home' }) }, 'Browse the products'),
        '.',
      ),
    );
    return;
  }
  const productNames = new Map(cart.items.map((item) => [item.product.id, item.name]));
  /** Runs a cart mutation and shows its answer; a changed cart is a new checkout attempt. */
  const change = async (run: () => Promise<CartViewFragment>) => {
    try {
      const updated = await run();
      checkoutAttempt.forget();
      if (!view.isCurrent()) return;
      view.layout.clearNotice();
      showCart(view, updated);
    } catch (error) {
      showError(view, error, { productNames });
    }
  };

  show(
    view.layout.main,
    h('h1', {}, 'Your cart'),
    h(
      'table',
      { class: 'cart-lines' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Product', 'Price', 'Quantity', 'Total', ''].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        ...cart.items.map((item) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: hrefFor({ page: 'product', id: item.product.id }) }, item.name)),
            h('td', {}, formatCents(item.price)),
            h(
              'td',
              {},
              quantityInput(item, (quantity) => change(() => updateQuantity(item.product.id, quantity))),
            ),
            h('td', {}, formatCents(item.lineTotal)),
            h(
              'td',
              {},
              h(
                'button',
                { type: 'button', class: 'link', onclick: () => change(() => remove(item.product.id)) },
                `Remove ${item.name}`,
              ),
            ),
          ),
        ),
      ),
    ),
    promotionForm(cart, (code) => change(() => applyCode(code))),
    h(
      'dl',
      { class: 'totals' },
      h('dt', {}, 'Subtotal'),
      h('dd', { 'data-testid': 'subtotal' }, formatCents(cart.subtotal)),
      h(
        'dt',
        {},
        cart.promotionCode
          ? `Discount (${cart.promotionCode}${cart.discountPercentage > 0 ? `, ${cart.discountPercentage}%` : ''})`
          : 'Discount',
      ),
      h(
        'dd',
        { 'data-testid': 'discount' },
        cart.discount === 0 ? formatCents(0) : `−${formatCents(cart.discount)}`,
      ),
      h('dt', {}, 'Total'),
      h('dd', { 'data-testid': 'total' }, formatCents(cart.total)),
    ),
    checkoutButton(view, productNames),
  );
}

function quantityInput(
  item: CartViewFragment['items'][number],
  onChange: (quantity: number) => void,
): HTMLElement {
  const input = h('input', {
    type: 'number',
    min: 0,
    max: 99,
    value: item.quantity,
    'aria-label': `Quantity of ${item.name}`,
  });
  // 0 removes the line (updateCartItem's contract); the API refuses anything outside 0..99.
  input.addEventListener('change', () => {
    if (Number.isInteger(input.valueAsNumber)) onChange(input.valueAsNumber);
  });
  return input;
}

function promotionForm(cart: CartViewFragment, onApply: (code: string | null) => void): HTMLElement {
  if (cart.promotionCode) {
    return h(
      'p',
      { class: 'promotion' },
      `Promotion ${cart.promotionCode} applied. `,
      h('button', { type: 'button', class: 'link', onclick: () => onApply(null) }, 'Remove code'),
      // Why the code gives nothing now: a minimum not reached, or it stopped applying.
      ...(cart.promotionNotice
        ? [h('span', { class: 'notice', 'data-testid': 'promotion-notice' }, ` ${cart.promotionNotice}`)]
        : []),
    );
  }
  const code = h('input', { name: 'code', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { class: 'promotion', 'aria-label': 'Promotion code' },
    h('label', {}, 'Promotion code ', code),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply(code.value.trim());
  });
  return form;
}

/**
 * Checkout is idempotent per key: one key per attempt, kept (in sessionStorage, so a reload
 * keeps it too) until the attempt has a definite answer. Clicking again after a network failure
 * or a 5xx retries the same attempt, and can never buy twice; a changed cart starts a new one.
 */
const checkoutAttempt = {
  key(): string {
    const existing = sessionStorage.getItem('store.checkoutKey');
    if (existing) return existing;
    const key = crypto.randomUUID();
    sessionStorage.setItem('store.checkoutKey', key);
    return key;
  },
  forget(): void {
    sessionStorage.removeItem('store.checkoutKey');
  },
};

function checkoutButton(view: View, productNames: ReadonlyMap<string, string>): HTMLElement {
  const button = h('button', { type: 'button', class: 'primary' }, 'Check out');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const { checkout } = await execute(Checkout, { idempotencyKey: checkoutAttempt.key() });
      checkoutAttempt.forget();
      view.navigate({ page: 'orders', placed: checkout.id }, 'Thank you! Your order is placed.');
    } catch (error) {
      if (isDefinite(error)) checkoutAttempt.forget();
      showError(view, error, { productNames });
      button.disabled = false;
    }
  });
  return button;
}

/** A refusal (out of stock, empty cart...) ends the attempt; a lost answer may have succeeded. */
function isDefinite(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code !== ClientErrorCode.Network &&
    error.code !== ClientErrorCode.BadResponse &&
    error.code !== 'INTERNAL_SERVER_ERROR'
  );
}

async function updateQuantity(productId: string, quantity: number): Promise<CartViewFragment> {
  return (await execute(UpdateCartItem, { productId, quantity })).updateCartItem;
}

async function remove(productId: string): Promise<CartViewFragment> {
  return (await execute(RemoveFromCart, { productId })).removeFromCart;
}

async function applyCode(code: string | null): Promise<CartViewFragment> {
  return (await execute(ApplyPromotionCode, { code })).applyPromotionCode;
}
