import {
  addToCart,
  applyPromotionCode,
  removeFromCart,
  replaceCart,
  setCartLine,
} from '../domain/cartOperations';
import { loadPricedCart } from '../domain/pricing';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller } from './caller';

type CartMutations = Pick<
  MutationResolvers,
  'saveCart' | 'addToCart' | 'updateCartItem' | 'removeFromCart' | 'applyPromotionCode'
>;

/**
 * Thin on purpose: the rules live in domain/cartOperations.ts. Each mutation answers with the
 * cart priced from the current catalogue.
 */
export const cartMutations: CartMutations = {
  saveCart: async (_parent, { input }, ctx) => {
    const cart = await replaceCart(ctx, requireCaller(ctx).userId, input);
    return (await loadPricedCart(ctx, cart)).priced;
  },

  addToCart: async (_parent, { productId, quantity }, ctx) => {
    const cart = await addToCart(ctx, requireCaller(ctx).userId, productId, quantity);
    return (await loadPricedCart(ctx, cart)).priced;
  },

  updateCartItem: async (_parent, { productId, quantity }, ctx) => {
    const cart = await setCartLine(ctx, requireCaller(ctx).userId, productId, quantity);
    return (await loadPricedCart(ctx, cart)).priced;
  },

  removeFromCart: async (_parent, { productId }, ctx) => {
    const cart = await removeFromCart(ctx, requireCaller(ctx).userId, productId);
    return (await loadPricedCart(ctx, cart)).priced;
  },

  applyPromotionCode: async (_parent, { code }, ctx) => {
    const cart = await applyPromotionCode(ctx, requireCaller(ctx).userId, code);
    return (await loadPricedCart(ctx, cart)).priced;
  },
};
