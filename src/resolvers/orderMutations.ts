import { cancelOrder, shipOrder } from '../domain/orders';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller, requireStaff } from './caller';

/** An order's life after checkout; the rules and the races live in domain/orders.ts. */
export const orderMutations: Pick<MutationResolvers, 'cancelOrder' | 'shipOrder'> = {
  cancelOrder: (_parent, { id }, ctx) => cancelOrder(ctx, requireCaller(ctx).userId, id),
  shipOrder: (_parent, { id }, ctx) => {
    requireStaff(ctx);
    return shipOrder(ctx, id);
  },
};
