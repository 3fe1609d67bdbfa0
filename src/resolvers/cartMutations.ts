import type { StoreContext } from '../graphql/context';
import type { CartLine } from '../datasources/models';
import { editCart } from '../domain/cartEditor';
import {
  assertInStock,
  assertLineQuantity,
  assertRoomForLine,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  requireProduct,
  resolvePromotionCode,
} from '../domain/cartRules';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller } from './caller';
import { loadPricedCart } from './pricedCart';

type CartMutations = Pick<
  MutationResolvers,
  'saveCart' | 'addToCart' | 'updateCartItem' | 'removeFromCart' | 'applyPromotionCode'
>;

/**
 * Every cart mutation validates everything first and writes once: a refused input throws before
 * the write, so it changes nothing. Writes go through editCart (optimistic concurrency).
 */
export const cartMutations: CartMutations = {
  saveCart: async (_parent, { input }, ctx) => {
    const { userId } = requireCaller(ctx);
    if (input.items.length > MAX_CART_LINES) {
      throw badUserInput(`A cart holds at most ${MAX_CART_LINES} lines`, { field: 'items' });
    }
    const ids = input.items.map((item) => item.productId);
    if (new Set(ids).size !== ids.length) {
      throw badUserInput('Each product may appear only once in items', { field: 'items' });
    }
    for (const item of input.items) assertLineQuantity(item.quantity);
    const products = await ctx.products.getByIds(ids);
    const lines = input.items.flatMap((item, index) => {
      const product = products[index];
      return product ? [{ product, quantity: item.quantity }] : [];
    });
    if (lines.length < ids.length) {
      const missing = ids.filter((_id, index) => !products[index]);
      throw clientError(ErrorCode.NotFound, 'Some products do not exist', { productIds: missing });
    }
    assertInStock(lines);
    const promotionCode = await resolvePromotionCode(ctx, input.promotionCode);
    const items: CartLine[] = input.items.map(({ productId, quantity }) => ({ productId, quantity }));
    return loadPricedCart(ctx, await editCart(ctx, userId, () => ({ items, promotionCode })));
  },

  addToCart: async (_parent, { productId, quantity }, ctx) => {
    const { userId } = requireCaller(ctx);
    assertLineQuantity(quantity);
    const product = await requireProduct(ctx, productId);
    const cart = await editCart(ctx, userId, (current) => {
      const existing = current.items.find((line) => line.productId === productId)?.quantity ?? 0;
      const total = existing + quantity;
      if (total > MAX_LINE_QUANTITY) {
        throw badUserInput(`The cart already holds ${existing}; a line holds at most ${MAX_LINE_QUANTITY}`, {
          field: 'quantity',
        });
      }
      assertInStock([{ product, quantity: total }]);
      assertRoomForLine(current.items, productId);
      return { ...current, items: withQuantity(current.items, productId, total) };
    });
    return loadPricedCart(ctx, cart);
  },

  updateCartItem: async (_parent, { productId, quantity }, ctx) => {
    const { userId } = requireCaller(ctx);
    assertLineQuantity(quantity, { allowZero: true });
    if (quantity > 0) assertInStock([{ product: await requireProduct(ctx, productId), quantity }]);
    else await requireLineOrProduct(ctx, userId, productId);
    const cart = await editCart(ctx, userId, (current) => {
      const inCart = current.items.some((line) => line.productId === productId);
      if (quantity === 0 && !inCart) return null;
      if (quantity > 0) assertRoomForLine(current.items, productId);
      return { ...current, items: withQuantity(current.items, productId, quantity) };
    });
    return loadPricedCart(ctx, cart);
  },

  removeFromCart: async (_parent, { productId }, ctx) => {
    const { userId } = requireCaller(ctx);
    await requireLineOrProduct(ctx, userId, productId);
    const cart = await editCart(ctx, userId, (current) =>
      current.items.some((line) => line.productId === productId)
        ? { ...current, items: withQuantity(current.items, productId, 0) }
        : null,
    );
    return loadPricedCart(ctx, cart);
  },

  applyPromotionCode: async (_parent, { code }, ctx) => {
    const { userId } = requireCaller(ctx);
    const promotionCode = await resolvePromotionCode(ctx, code);
    const cart = await editCart(ctx, userId, (current) => ({ items: current.items, promotionCode }));
    return loadPricedCart(ctx, cart);
  },
};

/** Sets a line's quantity: 0 drops it, an absent line is appended, order is otherwise kept. */
function withQuantity(items: readonly CartLine[], productId: string, quantity: number): CartLine[] {
  if (quantity === 0) return items.filter((line) => line.productId !== productId);
  const index = items.findIndex((line) => line.productId === productId);
  if (index === -1) return [...items, { productId, quantity }];
  return items.map((line) => (line.productId === productId ? { productId, quantity } : line));
}

/**
 * Removing is allowed for a line already in the cart even if its product has since left the
 * catalogue; otherwise an unknown product is NOT_FOUND, as for every mutation naming one.
 */
async function requireLineOrProduct(ctx: StoreContext, userId: string, productId: string): Promise<void> {
  const cart = await ctx.carts.getForUser(userId);
  if (!cart.items.some((line) => line.productId === productId)) await requireProduct(ctx, productId);
}
