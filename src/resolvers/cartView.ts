import type { CartRecord } from '../datasources/models';
import { viewCart, type CartView } from '../domain/pricing';
import type { StoreContext } from './context';

/**
 * A cart as the API shows it: priced from the current catalogue through the request's product
 * loader, so its products share one BatchGetItem with any product list in the same response, and
 * its promotion read only if a field needs it (resolvers/Cart.ts).
 */
export function cartView(ctx: StoreContext, cart: CartRecord): CartView {
  return viewCart((ids) => ctx.products.getByIds(ids), ctx.promotions, cart);
}
