import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from '../../src/auth/tokenVerifier';
import type { StoreContext } from '../../src/graphql/context';
import type { CartStore } from '../../src/datasources/CartStore';
import type { CommentStore } from '../../src/datasources/CommentStore';
import { decodeCursor, encodeCursor } from '../../src/datasources/cursor';
import type { CartRecord, CommentRecord, ProductRecord, PromotionRecord } from '../../src/datasources/models';
import type { ProductStore } from '../../src/datasources/ProductStore';
import type { PromotionStore } from '../../src/datasources/PromotionStore';

/**
 * In-memory stand-ins for the datasources, for resolver tests through `executeOperation`. Each
 * method is a jest mock over plain arrays, so a test can both serve data and assert which reads
 * and writes a resolver made (or did not make). Only the methods resolvers call are stubbed.
 */
export interface StubStores {
  products: jest.Mocked<Pick<ProductStore, 'getById' | 'getByIds' | 'list'>>;
  comments: jest.Mocked<Pick<CommentStore, 'listForProduct' | 'add'>>;
  carts: jest.Mocked<Pick<CartStore, 'getForUser' | 'getLatest' | 'save'>>;
  promotions: jest.Mocked<Pick<PromotionStore, 'getByCode'>>;
}

export interface StubData {
  products?: ProductRecord[];
  comments?: CommentRecord[];
  carts?: CartRecord[];
  promotions?: PromotionRecord[];
}

/** The `updatedAt` every stubbed cart save stamps, so tests can assert it exactly. */
export const SAVED_AT = '2026-11-22T10:00:00.000Z';

export function product(overrides: Partial<ProductRecord> & Pick<ProductRecord, 'id'>): ProductRecord {
  return {
    name: `Product ${overrides.id}`,
    code: overrides.id.toUpperCase(),
    price: 1000,
    stock: 50,
    commentCount: 0,
    ratingSum: 0,
    ratingCount: 0,
    ...overrides,
  };
}

export function stubStores(data: StubData = {}): StubStores {
  const products = [...(data.products ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const emptyCart = (userId: string): CartRecord => ({ userId, items: [], version: 0 });
  const cartOf = async (userId: string) =>
    data.carts?.find((cart) => cart.userId === userId) ?? emptyCart(userId);
  const getById = async (id: string) => products.find((candidate) => candidate.id === id) ?? null;
  return {
    products: {
      getById: jest.fn(getById),
      getByIds: jest.fn(async (ids: readonly string[]) => Promise.all(ids.map(getById))),
      list: jest.fn(async ({ first, after }) => {
        const start = after ? decodeCursor('product', after, ['name', 'id'] as const) : undefined;
        const rest = start ? products.filter((candidate) => candidate.name > start.name) : products;
        const edges = rest.slice(0, first).map((node) => ({
          cursor: encodeCursor('product', { name: node.name, id: node.id }),
          node,
        }));
        return { edges, hasNextPage: rest.length > first };
      }),
    },
    comments: {
      listForProduct: jest.fn(async (productId, { first }) => {
        const mine = (data.comments ?? []).filter((comment) => comment.productId === productId);
        const edges = mine.slice(0, first).map((node) => ({ cursor: `cursor-${node.id}`, node }));
        return { edges, hasNextPage: mine.length > first };
      }),
      add: jest.fn(async (comment) => ({ ...comment, id: 'new-comment', createdAt: SAVED_AT })),
    },
    carts: {
      getForUser: jest.fn(cartOf),
      getLatest: jest.fn(cartOf),
      save: jest.fn(async (base, change) => ({
        userId: base.userId,
        items: change.items,
        version: base.version + 1,
        updatedAt: SAVED_AT,
        ...(change.promotionCode ? { promotionCode: change.promotionCode } : {}),
      })),
    },
    promotions: {
      getByCode: jest.fn(
        async (code: string) =>
          data.promotions?.find((promotion) => promotion.code === code.trim().toUpperCase()) ?? null,
      ),
    },
  };
}

export function stubContext(stores: StubStores, caller: Caller | null = null): StoreContext {
  // The stubs implement every method the resolvers call, but the real stores' private fields make
  // them nominal types, so this is the one place the stand-ins are passed off as the real thing.
  return { requestId: 'unit-test-request', caller, ...stores } as unknown as StoreContext;
}

export interface SingleResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation through the real schema, resolvers and formatError, as HTTP would. */
export async function execute<TData = Record<string, unknown>>(
  server: ApolloServer<StoreContext>,
  contextValue: StoreContext,
  query: string,
  variables?: Record<string, unknown>,
): Promise<SingleResult<TData>> {
  const response = await server.executeOperation<TData>(
    { query, ...(variables ? { variables } : {}) },
    { contextValue },
  );
  if (response.body.kind !== 'single') throw new Error('Expected a single (non-incremental) result');
  return response.body.singleResult;
}

export const ALICE: Caller = { userId: 'alice', displayName: 'Alice' };
