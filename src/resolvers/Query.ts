import type { QueryResolvers } from '../generated/graphql';
import { requireCaller } from './caller';
import { connection, pageRequest } from './connection';
import { pricedCart } from './pricedCart';

export const Query: QueryResolvers = {
  products: (_parent, { first, after }, ctx) => connection(ctx.products.list(pageRequest(first, after))),

  product: (_parent, { id }, ctx) => ctx.products.getById(id),

  cart: async (_parent, _args, ctx) => {
    const caller = requireCaller(ctx);
    return pricedCart(ctx, await ctx.carts.getForUser(caller.userId));
  },

  orders: (_parent, { first, after }, ctx) => {
    const caller = requireCaller(ctx);
    return connection(ctx.orders.listForUser(caller.userId, pageRequest(first, after)));
  },
};
