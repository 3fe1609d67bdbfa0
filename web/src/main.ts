import './styles/base.css';
import './styles/shop.css';
import './styles/cart.css';
import './styles/staff.css';
import { createLayout } from './layout';
import { renderCart } from './pages/cart';
import { renderHome } from './pages/home';
import { renderOrders } from './pages/orders';
import { renderProduct } from './pages/product';
import { renderSignIn } from './pages/signIn';
import { renderStaff } from './pages/staff';
import { hrefFor, parseHash, type Route } from './router';
import {
  currentSession,
  freshSession,
  SESSION_EXPIRED,
  SIGN_IN_UNAVAILABLE,
  SignInUnavailableError,
  signOut,
  STORAGE_KEY,
} from './session';
import type { View } from './view';

/** How often the timer checks whether the ID token is due for renewal (session.ts). */
const RENEWAL_CHECK_MS = 60_000;

const layout = createLayout(document.body, () => {
  // The revocation goes on in the background: the page has already forgotten the tokens.
  void signOut();
  navigate({ page: 'home' }, 'You are signed out.');
});

/** Counts navigations: a page whose answer arrives after the next navigation drops it. */
let navigation = 0;
/** The shopper the page on screen was drawn for. */
let shownUserId: string | undefined;
let confirmation: { text: string; kind: 'error' | 'success' } | undefined;

function navigate(route: Route, message?: string): void {
  confirmation = message ? { text: message, kind: 'success' } : undefined;
  const hash = hrefFor(route);
  if (location.hash === hash) void render();
  else location.hash = hash;
}

async function render(): Promise<void> {
  const current = ++navigation;
  const session = currentSession();
  shownUserId = session?.userId;
  layout.setSession(session);
  if (session === null) layout.setCartCount(null);
  layout.clearNotice();
  if (confirmation) layout.notify(confirmation.text, confirmation.kind);
  confirmation = undefined;
  const view: View = { layout, session, isCurrent: () => current === navigation, navigate };
  const route = parseHash(location.hash);
  switch (route.page) {
    case 'home': {
      const { page: _page, after, ...browse } = route;
      return renderHome(view, browse, after);
    }
    case 'product':
      return renderProduct(view, route.id, route.after);
    case 'cart':
      return renderCart(view);
    case 'orders':
      return renderOrders(view, route.after, route.placed);
    case 'signIn':
      return renderSignIn(view, route.next);
    case 'staff':
      return renderStaff(view, route);
    case 'notFound':
      layout.main.replaceChildren('There is no such page.');
      return;
  }
}

/**
 * Renews the ID token ahead of its expiry even while the shopper only reads: a tab left open keeps
 * its session, and the next click does not wait for a renewal. A timer in a background tab may be
 * held back by the browser; the check before every API call (api.ts) covers that. Should Cognito
 * not answer once the ID token has expired, the page says so and the shopper stays signed in: the
 * next tick, or the next request, tries again.
 */
function keepSessionFresh(): void {
  if (!currentSession()) return;
  freshSession().catch((error: unknown) => {
    if (error instanceof SignInUnavailableError) {
      layout.notify(SIGN_IN_UNAVAILABLE);
      return;
    }
    confirmation = { text: SESSION_EXPIRED, kind: 'error' };
    void render();
  });
}

window.addEventListener('hashchange', () => void render());
// Another tab signed in, out, or as someone else: this one draws its page again for that shopper
// (a renewal there changes the tokens but not the shopper, and redraws nothing).
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY && currentSession()?.userId !== shownUserId) void render();
});
setInterval(keepSessionFresh, RENEWAL_CHECK_MS);
void render();
