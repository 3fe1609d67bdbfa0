import type { QueryResolvers } from '../generated/graphql';
import { requireCaller } from './caller';
import { pageRequest, readPage } from './connection';
import { loadPricedCart } from './pricedCart';

export const Query: QueryResolvers = {
  products: (_parent, { first, after }, ctx) => {
    const page = pageRequest(first, after);
    return readPage(() => ctx.products.list(page));
  },

  product: (_parent, { id }, ctx) => ctx.products.getById(id),

  cart: async (_parent, _args, ctx) => {
    const caller = requireCaller(ctx);
    return loadPricedCart(ctx, await ctx.carts.getForUser(caller.userId));
  },

  orders: (_parent, { first, after }, ctx) => {
    const caller = requireCaller(ctx);
    const page = pageRequest(first, after);
    return readPage(() => ctx.orders.listForUser(caller.userId, page));
  },
};
