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
import { currentSession, signOut } from './session';
import type { View } from './view';

const layout = createLayout(document.body, () => {
  signOut();
  navigate({ page: 'home' }, 'You are signed out.');
});

/** Counts navigations: a page whose answer arrives after the next navigation drops it. */
let navigation = 0;
let confirmation: string | undefined;

function navigate(route: Route, message?: string): void {
  confirmation = message;
  const hash = hrefFor(route);
  if (location.hash === hash) void render();
  else location.hash = hash;
}

async function render(): Promise<void> {
  const current = ++navigation;
  const session = currentSession();
  layout.setSession(session);
  if (session === null) layout.setCartCount(null);
  layout.clearNotice();
  if (confirmation) layout.notify(confirmation, 'success');
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

window.addEventListener('hashchange', () => void render());
void render();
