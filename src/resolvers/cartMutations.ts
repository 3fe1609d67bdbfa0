import * as cart from '../domain/cartOperations';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller } from './caller';
import { cartView } from './cartView';

type CartMutations = Pick<
  MutationResolvers,
  'saveCart' | 'addToCart' | 'updateCartItem' | 'removeFromCart' | 'applyPromotionCode'
>;

/** Thin on purpose: the rules live in domain/cartOperations.ts, under the same names. */
export const cartMutations: CartMutations = {
  saveCart: async (_parent, { input }, ctx) =>
    cartView(ctx, await cart.saveCart(ctx, requireCaller(ctx).userId, input)),

  addToCart: async (_parent, { productId, quantity }, ctx) =>
    cartView(ctx, await cart.addToCart(ctx, requireCaller(ctx).userId, productId, quantity)),

  updateCartItem: async (_parent, { productId, quantity }, ctx) =>
    cartView(ctx, await cart.updateCartItem(ctx, requireCaller(ctx).userId, productId, quantity)),

  removeFromCart: async (_parent, { productId }, ctx) =>
    cartView(ctx, await cart.removeFromCart(ctx, requireCaller(ctx).userId, productId)),

  applyPromotionCode: async (_parent, { code }, ctx) =>
    cartView(ctx, await cart.applyPromotionCode(ctx, requireCaller(ctx).userId, code)),
};
