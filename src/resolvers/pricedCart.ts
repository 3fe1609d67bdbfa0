import type { CartRecord } from '../datasources/models';
import { loadPricedCart, type PricedCart } from '../domain/pricing';
import type { StoreContext } from './context';

/**
 * A cart as the API shows it: priced from the current catalogue through the request's product
 * loader, so its products share one BatchGetItem with any product list in the same response.
 */
export async function pricedCart(ctx: StoreContext, cart: CartRecord): Promise<PricedCart> {
  const { priced } = await loadPricedCart((ids) => ctx.products.getByIds(ids), ctx.promotions, cart);
  return priced;
}
