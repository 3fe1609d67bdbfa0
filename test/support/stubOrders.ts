import type { OrderRecord } from '../../src/datasources/models';
import type { OrderKey } from '../../src/datasources/orderItems';
import type { Orders } from '../../src/domain/ports';

/** The orders store of stubStores, over a plain array the stubs change as the store would. */
export function stubOrders(orders: OrderRecord[]): jest.Mocked<Orders> {
  return {
    getById: jest.fn(
      async (userId: string, id: string) =>
        orders.find((order) => order.userId === userId && order.id === id) ?? null,
    ),
    place: jest.fn(async ({ order }) => {
      orders.push(order);
      return { outcome: 'placed' as const };
    }),
    listForUser: jest.fn(async (userId, { first }) =>
      firstPageOf(
        orders.filter((order) => order.userId === userId),
        first,
      ),
    ),
    // As OrderStore: each status change happens only from PLACED.
    cancel: jest.fn(
      async (order: OrderRecord, { cancelledAt }: { cancelledAt: string; maxStock: number }) => {
        const stored = orders.find((candidate) => candidate.id === order.id);
        if (stored?.status !== 'PLACED') return { outcome: 'notPlaced' as const };
        Object.assign(stored, { status: 'CANCELLED', cancelledAt });
        return { outcome: 'cancelled' as const };
      },
    ),
    ship: jest.fn(async ({ id }: OrderKey, shippedAt: string) => {
      const stored = orders.find((candidate) => candidate.id === id) ?? null;
      if (stored?.status !== 'PLACED') return { outcome: 'notPlaced' as const, order: stored };
      Object.assign(stored, { status: 'SHIPPED', shippedAt });
      return { outcome: 'shipped' as const, order: stored };
    }),
    findKey: jest.fn(async (id: string) => {
      const stored = orders.find((candidate) => candidate.id === id);
      return stored ? { userId: stored.userId, id } : null;
    }),
    listAll: jest.fn(async (status, { first }) =>
      firstPageOf(
        orders.filter((order) => status === null || order.status === status),
        first,
      ),
    ),
    hasBought: jest.fn(async (userId: string, productId: string) =>
      orders.some(
        (order) =>
          order.userId === userId &&
          order.status !== 'CANCELLED' &&
          order.items.some((line) => line.productId === productId),
      ),
    ),
  };
}

/** The first `first` of `items` as a page, with the stubs' own cursors. */
export function firstPageOf<Node extends { id: string }>(items: Node[], first: number) {
  const edges = items.slice(0, first).map((node) => ({ cursor: `cursor-${node.id}`, node }));
  return { edges, hasNextPage: items.length > first };
}
