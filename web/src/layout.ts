import { h, show } from './dom';
import { hrefFor } from './router';
import type { Session } from './session';

/**
 * The frame every page renders into: a header with the navigation, the signed-in shopper and the
 * cart badge, one message area for errors and confirmations, and the page itself. The navigation
 * offers the staff area only to a staff session (a hint from the token: the API enforces the role).
 */
export interface Layout {
  main: HTMLElement;
  /** The badge shows the cart's units; null hides it (signed out). */
  setCartCount(count: number | null): void;
  setSession(session: Session | null): void;
  /** Shows a sentence to the shopper; errors are announced to screen readers at once. */
  notify(text: string, kind?: 'error' | 'success'): void;
  clearNotice(): void;
}

export function createLayout(root: HTMLElement, onSignOut: () => void): Layout {
  const badge = h('span', { class: 'badge', 'data-testid': 'cart-badge', hidden: true });
  const staffLink = h('a', { href: hrefFor({ page: 'staff', section: 'products' }), hidden: true }, 'Staff');
  const account = h('div', { class: 'account' });
  const notice = h('p', { class: 'notice', hidden: true });
  const main = h('main', { id: 'page' });
  root.replaceChildren(
    h(
      'header',
      {},
      h('a', { class: 'brand', href: hrefFor({ page: 'home' }) }, 'Store'),
      h(
        'nav',
        { 'aria-label': 'Main' },
        h('a', { href: hrefFor({ page: 'home' }) }, 'Products'),
        h('a', { href: hrefFor({ page: 'cart' }) }, 'Cart ', badge),
        h('a', { href: hrefFor({ page: 'orders' }) }, 'Orders'),
        staffLink,
      ),
      account,
    ),
    notice,
    main,
  );

  return {
    main,
    setCartCount(count) {
      badge.hidden = count === null;
      badge.textContent = count === null ? '' : String(count);
      badge.setAttribute('aria-label', `${count ?? 0} ${count === 1 ? 'item' : 'items'} in cart`);
    },
    setSession(session) {
      staffLink.hidden = !session?.staff;
      if (session) {
        const signOut = h('button', { type: 'button', class: 'link', onclick: onSignOut }, 'Sign out');
        show(
          account,
          h('span', { 'data-testid': 'signed-in-as' }, `Signed in as ${session.name}`),
          ' ',
          signOut,
        );
      } else {
        show(account, h('a', { href: hrefFor({ page: 'signIn' }) }, 'Sign in'));
      }
    },
    notify(text, kind = 'error') {
      notice.hidden = false;
      notice.className = `notice ${kind}`;
      notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      notice.textContent = text;
    },
    clearNotice() {
      notice.hidden = true;
      notice.textContent = '';
    },
  };
}
