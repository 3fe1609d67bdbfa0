import type { QueryResolvers } from '../generated/graphql';
import { requireCaller, requireStaff } from './caller';
import { connection, pageRequest } from './connection';
import { badUserInput } from '../shared/errors';
import { browse } from './browse';
import { cartView } from './cartView';

export const Query: QueryResolvers = {
  products: (_parent, { first, after, sort, filter, includeArchived }, ctx) => {
    if (!includeArchived) return browse(ctx, { first, after, sort, filter });
    requireStaff(ctx);
    if (sort !== 'NAME' || filter) {
      throw badUserInput('includeArchived lists by name, without a filter', { field: 'includeArchived' });
    }
    return connection(ctx.products.list(pageRequest(first, after), { includeArchived: true }));
  },

  categories: (_parent, _args, ctx) => ctx.categories.list(),

  category: (_parent, { slug }, ctx) => ctx.categories.getBySlug(slug),

  /** Staff see archived products; for anyone else one reads as absent. */
  product: (_parent, { id }, ctx) =>
    ctx.caller?.staff ? ctx.products.getIncludingArchived(id) : ctx.products.getById(id),

  cart: async (_parent, _args, ctx) => {
    const caller = requireCaller(ctx);
    return cartView(ctx, await ctx.carts.getForUser(caller.userId));
  },

  promotions: (_parent, { first, after }, ctx) => {
    requireStaff(ctx);
    return connection(ctx.promotions.list(pageRequest(first, after)));
  },

  orders: (_parent, { first, after }, ctx) => {
    const caller = requireCaller(ctx);
    return connection(ctx.orders.listForUser(caller.userId, pageRequest(first, after)));
  },

  allOrders: (_parent, { status, first, after }, ctx) => {
    requireStaff(ctx);
    return connection(ctx.orders.listAll(status ?? null, pageRequest(first, after)));
  },
};
