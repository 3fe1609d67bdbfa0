import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { ProductResolvers } from '../generated/graphql';
import { requireStaff } from './caller';
import { connection, pageRequest } from './connection';

export const Product: ProductResolvers = {
  /**
   * Anonymous callers have no cart; signed-in callers' carts are read once per request. Anonymous,
   * it is the same `false` for everyone and leaves a public page cacheable. Signed in, the answer
   * depends on who asks: every signed-in answer is private already (cacheHeaderPlugin.ts, which
   * computes no cache policy for it), and the hint says so too, should one ever be computed.
   */
  isSelected: async (product, _args, ctx, info) => {
    if (!ctx.caller) return false;
    maybeCacheControlFromInfo(info)?.setCacheHint({ scope: 'PRIVATE' });
    const cart = await ctx.carts.getForUser(ctx.caller.userId);
    return cart.items.some((line) => line.productId === product.id);
  },

  comments: (product, { first, after }, ctx) =>
    connection(ctx.comments.listForProduct(product, pageRequest(first, after))),

  hiddenComments: (product, { first, after }, ctx) => {
    requireStaff(ctx);
    return connection(ctx.moderation.listHidden(product.id, pageRequest(first, after)));
  },

  /** In the store's order, from the categories read once per request. */
  categories: async (product, _args, ctx) => {
    if (product.categories.length === 0) return [];
    const memberOf = new Set(product.categories);
    return (await ctx.categories.list()).filter((category) => memberOf.has(category.slug));
  },

  /** Average of the ratings given, from aggregates kept on the product: no comment reads. */
  rating: (product) =>
    product.ratingCount > 0 ? Math.round((product.ratingSum / product.ratingCount) * 100) / 100 : null,
};
