import type { StoreContext } from '../graphql/context';
import type { CartRecord } from '../datasources/models';
import { priceCart, type PricedCart } from '../domain/pricing';

/**
 * Prices a cart with current catalogue data: its products come through the per-request product
 * loader (one BatchGetItem, shared with any product list in the same request) in parallel with
 * the promotion lookup.
 */
export async function loadPricedCart(ctx: StoreContext, cart: CartRecord): Promise<PricedCart> {
  const [products, promotion] = await Promise.all([
    ctx.products.getByIds(cart.items.map((line) => line.productId)),
    cart.promotionCode ? ctx.promotions.getByCode(cart.promotionCode) : null,
  ]);
  return priceCart(cart, products, promotion?.percentage ?? 0);
}
