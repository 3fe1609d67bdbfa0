import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../auth/tokenVerifier';
import { CartStore } from '../datasources/CartStore';
import { CatalogueStore } from '../datasources/CatalogueStore';
import { CategoryStore } from '../datasources/CategoryStore';
import { CommentModerationStore } from '../datasources/CommentModerationStore';
import { CommentStore } from '../datasources/CommentStore';
import { OrderStore } from '../datasources/OrderStore';
import { ProductStore } from '../datasources/ProductStore';
import { PromotionStore } from '../datasources/PromotionStore';
import type { TableNames } from '../datasources/tableDefinitions';
import type { StoreContext } from '../resolvers/context';

/** Long-lived per Lambda instance: created once, shared by every request's context. */
export interface StoreDependencies {
  dynamo: DynamoDBDocumentClient;
  tables: TableNames;
  /** The clock that dates comments and places them in their rate windows (tests move it). */
  now?: () => Date;
}

/**
 * A fresh context per request: new stores, so their DataLoaders and memoised reads never serve one
 * caller's data to another or outlive the request.
 */
export function createContext(
  { dynamo, tables, now }: StoreDependencies,
  caller: Caller | null,
  requestId: string,
): StoreContext {
  return {
    requestId,
    caller,
    products: new ProductStore(dynamo, tables),
    catalogue: new CatalogueStore(dynamo, tables),
    categories: new CategoryStore(dynamo, tables.categories),
    comments: new CommentStore(dynamo, tables, now ? { now } : {}),
    moderation: new CommentModerationStore(dynamo, tables),
    carts: new CartStore(dynamo, tables.carts),
    promotions: new PromotionStore(dynamo, tables.promotions),
    orders: new OrderStore(dynamo, tables.orders, {
      products: tables.products,
      carts: tables.carts,
      promotions: tables.promotions,
    }),
  };
}
