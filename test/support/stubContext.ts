import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from '../../src/auth/tokenVerifier';
import type { StoreContext } from '../../src/resolvers/context';
import type { AddCommentResult, NewComment } from '../../src/datasources/CommentStore';
import { decodeCursor, encodeCursor } from '../../src/datasources/pagedQuery';
import { firstPageOf, stubOrders } from './stubOrders';
import type { RateLimitRule } from '../../src/datasources/rateCounters';
import type {
  CartRecord,
  CommentRecord,
  OrderRecord,
  ProductRecord,
  PromotionRecord,
} from '../../src/datasources/models';
import type { Stores } from '../../src/domain/ports';
import { StoreError } from '../../src/shared/errors';

/**
 * In-memory stand-ins for the stores (the interfaces of src/domain/ports.ts), for resolver and
 * domain tests. Each method is a jest mock over plain arrays, so a test can both serve data and
 * assert which reads and writes were made (or not made).
 */
export type StubStores = { [Store in keyof Stores]: jest.Mocked<Stores[Store]> };

export interface StubData {
  products?: ProductRecord[];
  comments?: CommentRecord[];
  carts?: CartRecord[];
  promotions?: PromotionRecord[];
  orders?: OrderRecord[];
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
    archived: false,
    categories: [],
    createdAt: SAVED_AT,
    ...overrides,
  };
}

/** An active percentage code, unused and without terms, unless `overrides` say otherwise. */
export function promotion(
  overrides: Partial<PromotionRecord> & Pick<PromotionRecord, 'code'>,
): PromotionRecord {
  return { kind: 'PERCENTAGE', value: 10, timesUsed: 0, active: true, ...overrides };
}

export function stubStores(data: StubData = {}): StubStores {
  const products = [...(data.products ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const emptyCart = (userId: string): CartRecord => ({ userId, items: [], version: 0 });
  const cartOf = async (userId: string) =>
    data.carts?.find((cart) => cart.userId === userId) ?? emptyCart(userId);
  const getIncludingArchived = async (id: string) =>
    products.find((candidate) => candidate.id === id) ?? null;
  const getById = async (id: string) => {
    const found = await getIncludingArchived(id);
    return found?.archived ? null : found;
  };
  const getByIds = async (ids: readonly string[]) => Promise.all(ids.map(getById));
  // Shoppers' listings in name order; the real orders and filters are DynamoDB's (integration tests).
  const list: StubStores['products']['list'] = jest.fn(
    async ({ first, after }, { includeArchived = false } = {}) => {
      const start = after ? decodeCursor('product', after, ['name', 'id'] as const) : undefined;
      const listed = products.filter((candidate) => includeArchived || !candidate.archived);
      const rest = start ? listed.filter((candidate) => candidate.name > start.name) : listed;
      const edges = rest.slice(0, first).map((node) => ({
        cursor: encodeCursor('product', { name: node.name, id: node.id }),
        node,
      }));
      return { edges, hasNextPage: rest.length > first };
    },
  );
  const written = (id: string, change: (product: ProductRecord) => ProductRecord) => {
    const index = products.findIndex((candidate) => candidate.id === id);
    const before = products[index];
    if (!before) return null;
    const after = change(before);
    products[index] = after;
    return after;
  };
  const orders = [...(data.orders ?? [])];
  // In code order, as the byCode index sorts them (by UTF-8 bytes, as `<` does for these codes).
  const byCode = (a: PromotionRecord, b: PromotionRecord) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const promotions = [...(data.promotions ?? [])].sort(byCode);
  const promotionByCode = async (code: string) =>
    promotions.find((candidate) => candidate.code === code.trim().toUpperCase()) ?? null;
  return {
    products: {
      getById: jest.fn(getById),
      getByIds: jest.fn(getByIds),
      getLatestByIds: jest.fn(getByIds),
      getIncludingArchived: jest.fn(getIncludingArchived),
      markChanged: jest.fn(),
      list,
      browse: jest.fn(async (_query, page) => list(page)),
    },
    categories: {
      list: jest.fn(async () => []),
      getBySlug: jest.fn(async (_slug: string) => null),
      listLatest: jest.fn(async () => []),
      create: jest.fn(async (_slug: string, _name: string) => ({ outcome: 'full' as const })),
      rename: jest.fn(async (_slug: string, _name: string) => ({ outcome: 'notFound' as const })),
      reorder: jest.fn(async (_slugs: readonly string[]) => false),
      delete: jest.fn(async (_slug: string) => ({ outcome: 'notFound' as const })),
    },
    catalogue: {
      create: jest.fn(async (created) => {
        if (products.some((candidate) => candidate.id === created.id)) return { outcome: 'idTaken' as const };
        const record = product({ ...created });
        products.push(record);
        return { outcome: 'written' as const, product: record };
      }),
      update: jest.fn(async (id, changes) =>
        outcomeOf(
          written(id, (before) => {
            const after: ProductRecord = { ...before };
            for (const [field, value] of Object.entries(changes)) {
              if (value === null) delete (after as Partial<ProductRecord>)[field as keyof ProductRecord];
              else if (value !== undefined) Object.assign(after, { [field]: value });
            }
            return after;
          }),
        ),
      ),
      adjustStock: jest.fn(async (id, delta, { expectedStock, maxStock }) => {
        const before = await getIncludingArchived(id);
        if (!before) return { outcome: 'notFound' as const };
        if (expectedStock !== undefined && before.stock !== expectedStock) {
          return { outcome: 'stockMoved' as const, actualStock: before.stock };
        }
        const stock = before.stock + delta;
        if (stock < 0 || stock > maxStock)
          return { outcome: 'outOfRange' as const, actualStock: before.stock };
        return { outcome: 'adjusted' as const, product: written(id, (current) => ({ ...current, stock }))! };
      }),
      setArchived: jest.fn(async (id, archived) =>
        outcomeOf(written(id, (before) => ({ ...before, archived }))),
      ),
    },
    comments: {
      listForProduct: jest.fn(async ({ id: productId }, { first }) =>
        firstPageOf(
          (data.comments ?? []).filter((comment) => comment.productId === productId),
          first,
        ),
      ),
      add: jest.fn(async (comment: NewComment, _rateLimit: RateLimitRule): Promise<AddCommentResult> => ({
        outcome: 'added',
        comment: { ...comment, id: 'new-comment', createdAt: SAVED_AT },
      })),
      markChanged: jest.fn(),
    },
    moderation: {
      setHidden: jest.fn(async (id: string, hidden: boolean) => {
        const comment = (data.comments ?? []).find((candidate) => candidate.id === id);
        if (!comment) return null;
        if (hidden) comment.hidden = true;
        else delete comment.hidden;
        return comment;
      }),
      listHidden: jest.fn(async (productId, { first }) =>
        firstPageOf(
          (data.comments ?? []).filter((comment) => comment.productId === productId && comment.hidden),
          first,
        ),
      ),
    },
    carts: {
      getForUser: jest.fn(cartOf),
      getLatest: jest.fn(cartOf),
      markChanged: jest.fn(),
      save: jest.fn(async (base, change) => ({
        userId: base.userId,
        items: change.items,
        version: base.version + 1,
        updatedAt: SAVED_AT,
        ...(change.promotionCode ? { promotionCode: change.promotionCode } : {}),
      })),
    },
    promotions: {
      getByCode: jest.fn(promotionByCode),
      getLatestByCode: jest.fn(promotionByCode),
      list: jest.fn(async ({ first, after }) => {
        const start = after ? decodeCursor('promotion', after, ['code'] as const) : undefined;
        const rest = start ? promotions.filter((candidate) => candidate.code > start.code) : promotions;
        const edges = rest.slice(0, first).map((node) => ({
          cursor: encodeCursor('promotion', { code: node.code }),
          node,
        }));
        return { edges, hasNextPage: rest.length > first };
      }),
      create: jest.fn(async (created) => {
        if (promotions.some((candidate) => candidate.code === created.code)) return null;
        const record = { ...created };
        promotions.push(record);
        promotions.sort(byCode);
        return record;
      }),
      update: jest.fn(async (code, changes, readKind) => {
        const index = promotions.findIndex((candidate) => candidate.code === code);
        const before = promotions[index];
        // As PromotionStore: refused when the code is unknown or changed kind since it was read.
        if (!before || before.kind !== readKind) return null;
        const after: PromotionRecord = { ...before };
        for (const [field, value] of Object.entries(changes)) {
          if (value === null) delete (after as Partial<PromotionRecord>)[field as keyof PromotionRecord];
          else if (value !== undefined) Object.assign(after, { [field]: value });
        }
        promotions[index] = after;
        return after;
      }),
    },
    orders: stubOrders(orders),
  };
}

export function stubContext(stores: StubStores, caller: Caller | null = null): StoreContext {
  return { requestId: 'unit-test-request', caller, ...stores };
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

export const ALICE: Caller = { userId: 'alice', displayName: 'Alice', staff: false };

/** A member of the Cognito group `admin`: may run the staff operations. */
export const STAFF: Caller = { userId: 'sam', displayName: 'Sam', staff: true };

/**
 * What a refused operation rejected with, as the `{ code, message, details }` a client would be
 * shown, for an exact comparison. Fails the test if the operation succeeded or rejected with
 * anything but a StoreError.
 */
export async function refusalOf(
  operation: Promise<unknown>,
): Promise<Pick<StoreError, 'code' | 'message' | 'details'>> {
  const failure = await operation.then(
    () => {
      throw new Error('Expected the operation to be refused, but it succeeded');
    },
    (error: unknown) => error,
  );
  if (!(failure instanceof StoreError)) {
    throw new Error(`Expected a StoreError, got: ${String(failure)}`, { cause: failure });
  }
  return { code: failure.code, message: failure.message, details: failure.details };
}

function outcomeOf(product: ProductRecord | null) {
  return product ? { outcome: 'written' as const, product } : { outcome: 'notFound' as const };
}
