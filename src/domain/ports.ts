import type { CartChange } from '../datasources/CartStore';
import type { CatalogueWrite, NewProduct, StockAdjustment } from '../datasources/CatalogueStore';
import type { CategoryWrite } from '../datasources/CategoryStore';
import type { AddCommentResult, NewComment } from '../datasources/CommentStore';
import type { CommentedProduct } from '../datasources/recentComments';
import type {
  CartRecord,
  CategoryRecord,
  CommentRecord,
  OrderRecord,
  Page,
  OrderStatus,
  PageRequest,
  ProductRecord,
  PromotionKind,
  PromotionRecord,
} from '../datasources/models';
import type {
  CancelOrderResult,
  OrderKey,
  PlaceOrder,
  PlaceOrderResult,
  ShipOrderResult,
} from '../datasources/orderItems';
import type { ProductQuery } from '../datasources/productBrowse';
import type { ProductChanges } from '../datasources/productChanges';
import type { PromotionChanges } from '../datasources/PromotionStore';
import type { RateLimitRule } from '../datasources/rateCounters';

/**
 * What the domain and the resolvers ask of the stores, as interfaces: the datasources implement
 * them (src/datasources), and tests hand in plain fakes. Each domain function takes only the
 * methods it uses (a `Pick` of these), so its signature says which reads and writes it makes.
 */
/** The catalogue as shoppers see it: an archived product reads as null and is never listed. */
export interface Products {
  /** Per request, batched: every id asked for in one tick is one BatchGetItem. */
  getById(id: string): Promise<ProductRecord | null>;
  getByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>>;
  /** Strongly consistent and uncached: for read-then-write decisions such as checkout's. */
  getLatestByIds(ids: readonly string[]): Promise<Array<ProductRecord | null>>;
  /** This request changed the product: read it afresh if anything asks for it again. */
  markChanged(id: string): void;
  /** `includeArchived` is for staff: the archived products follow the live ones, in name order. */
  list(page: PageRequest, options?: { includeArchived?: boolean }): Promise<Page<ProductRecord>>;
  /** In the query's order, narrowed by its filter; a narrow filter may give a shorter page. */
  browse(query: ProductQuery, page: PageRequest): Promise<Page<ProductRecord>>;
  /** For staff: the product, archived or not. */
  getIncludingArchived(id: string): Promise<ProductRecord | null>;
}

/** The staff's writes to the catalogue; each returns the product as written. */
export interface Catalogue {
  create(product: NewProduct): Promise<CatalogueWrite>;
  update(id: string, changes: ProductChanges): Promise<CatalogueWrite>;
  adjustStock(
    id: string,
    delta: number,
    options: { expectedStock?: number | undefined; maxStock: number },
  ): Promise<StockAdjustment>;
  setArchived(id: string, archived: boolean): Promise<CatalogueWrite>;
}

/** The store's categories; reads are one Query per request, shared. */
export interface Categories {
  /** In the store's order. */
  list(): Promise<CategoryRecord[]>;
  getBySlug(slug: string): Promise<CategoryRecord | null>;
  /** Strongly consistent: for a decision made on the whole list. */
  listLatest(): Promise<CategoryRecord[]>;
  create(slug: string, name: string): Promise<CategoryWrite | { outcome: 'full' }>;
  rename(slug: string, name: string): Promise<CategoryWrite>;
  /** False when a category was deleted meanwhile; nothing changed then. */
  reorder(slugs: readonly string[]): Promise<boolean>;
  delete(slug: string): Promise<CategoryWrite>;
}

export interface Promotions {
  /** Case-insensitive; null for an unknown code. */
  getByCode(code: string): Promise<PromotionRecord | null>;
  /** Strongly consistent and uncached: for checkout's read-then-write decision. */
  getLatestByCode(code: string): Promise<PromotionRecord | null>;
  /** For staff: every code, in code order. */
  list(page: PageRequest): Promise<Page<PromotionRecord>>;
  /** Null when the code is taken. */
  create(promotion: PromotionRecord): Promise<PromotionRecord | null>;
  /** Null when no promotion has the code, or it is no longer of `readKind`. */
  update(code: string, changes: PromotionChanges, readKind: PromotionKind): Promise<PromotionRecord | null>;
}

export interface Carts {
  /** The caller's cart as this request last saw it. */
  getForUser(userId: string): Promise<CartRecord>;
  /** A fresh, strongly consistent read for a read-modify-write cycle. */
  getLatest(userId: string): Promise<CartRecord>;
  /** Writes over the version read; rejects with VersionConflictError if another writer won. */
  save(base: CartRecord, change: CartChange): Promise<CartRecord>;
  /** Another write (checkout's transaction) changed the cart: read it afresh if asked again. */
  markChanged(userId: string): void;
}

export interface Comments {
  /**
   * Adds the comment, counted in its author's window of `rateLimit` (a full window writes
   * nothing); a rating replaces the author's earlier one of the product in its average. Rejects
   * with ProductNotFoundError, writing nothing, when the product does not exist.
   */
  add(comment: NewComment, rateLimit: RateLimitRule): Promise<AddCommentResult>;
  /** Newest first; a short first page may come from the product item itself. */
  listForProduct(product: CommentedProduct, page: PageRequest): Promise<Page<CommentRecord>>;
  /** Comments were moved by another write (moderation): list them afresh if asked again. */
  markChanged(): void;
}

/** Staff's moderation of comments. */
export interface CommentModeration {
  /** Hides or shows the comment (its rating leaves or rejoins the average); null for an unknown id. */
  setHidden(id: string, hidden: boolean): Promise<CommentRecord | null>;
  listHidden(productId: string, page: PageRequest): Promise<Page<CommentRecord>>;
}

export interface Orders {
  /** Strongly consistent. */
  getById(userId: string, id: string): Promise<OrderRecord | null>;
  place(placement: PlaceOrder): Promise<PlaceOrderResult>;
  listForUser(userId: string, page: PageRequest): Promise<Page<OrderRecord>>;
  /** Sets CANCELLED if still PLACED, returning stock and the promotion's use in the same write. */
  cancel(order: OrderRecord, at: { cancelledAt: string; maxStock: number }): Promise<CancelOrderResult>;
  /** Sets SHIPPED if still PLACED. */
  ship(key: OrderKey, shippedAt: string): Promise<ShipOrderResult>;
  /** For staff, who know an order by its id alone; eventually consistent. */
  findKey(id: string): Promise<OrderKey | null>;
  /** For staff: every customer's orders, newest first, of one status or all. */
  listAll(status: OrderStatus | null, page: PageRequest): Promise<Page<OrderRecord>>;
  /** Whether the user has a placed or shipped order with the product. */
  hasBought(userId: string, productId: string): Promise<boolean>;
}

/** Every store, as one request sees them. */
export interface Stores {
  products: Products;
  catalogue: Catalogue;
  categories: Categories;
  promotions: Promotions;
  carts: Carts;
  comments: Comments;
  moderation: CommentModeration;
  orders: Orders;
}
