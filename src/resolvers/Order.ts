import type { OrderResolvers } from '../generated/graphql';

export const Order: OrderResolvers = {
  customerId: (order) => order.userId,
  cancelledAt: (order) => order.cancelledAt ?? null,
  shippedAt: (order) => order.shippedAt ?? null,
};
