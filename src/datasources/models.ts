/**
 * Storage models: the shapes of the items the datasources read and write. Codegen maps the
 * GraphQL types onto these (see `mappers` in codegen.yml), so resolvers receive them as parents.
 */

export interface ProductRecord {
  id: string;
  name: string;
  description?: string;
  image?: string;
  code: string;
  /** Cents. */
  price: number;
  stock: number;
  /**
   * Aggregates kept in step by the same transaction that adds a comment: `commentCount` counts the
   * comments; `ratingSum` and `ratingCount` the ratings table's items of the product (one per user).
   */
  commentCount: number;
  ratingSum: number;
  ratingCount: number;
  /** Archived by staff: gone for shoppers, still there for staff. */
  archived: boolean;
  /** The slugs of its categories, as staff gave them (at most 5). */
  categories: string[];
  /** When it entered the catalogue (ISO 8601); the NEWEST order. */
  createdAt: string;
  /**
   * The newest visible comments, by comment key (recentComments.ts), kept in step by the writes
   * that move `commentCount`; absent on items written before products carried them.
   */
  recentComments?: RecentComments;
}

/** A comment as its product's item carries it. */
export type RecentComment = Omit<CommentRecord, 'productId'>;
export type RecentComments = Record<string, RecentComment>;

/** A category: the store's shelves, in the order staff gave them. */
export interface CategoryRecord {
  slug: string;
  name: string;
  /** Its place in the store's order: categories are listed by position, then slug. */
  position: number;
  /** Live products in it, kept by the same transactions that add and remove them. */
  productCount: number;
}

export interface CommentRecord {
  productId: string;
  id: string;
  authorId: string;
  author: string;
  text: string;
  rating?: number;
  createdAt: string;
  /**
   * Whether the author had a placed or shipped order containing the product when writing it.
   * Absent on comments written before this was recorded: they read as not verified.
   */
  verifiedPurchase?: boolean;
  /** Hidden by staff: not listed to shoppers, and its rating out of the product's average. */
  hidden?: boolean;
}

/**
 * A user's current rating of a product: the one rating of theirs that the product's average
 * counts. The latest rated comment replaces it; the comments themselves keep what each said.
 */
export interface RatingRecord {
  productId: string;
  userId: string;
  rating: number;
  /** The comment that gave it: unique per write, so it tells any two writes apart. */
  commentId: string;
  ratedAt: string;
}

export interface CartLine {
  productId: string;
  quantity: number;
}

export interface CartRecord {
  userId: string;
  items: CartLine[];
  promotionCode?: string;
  /** Optimistic-concurrency counter: 0 for a cart that was never written. */
  version: number;
  updatedAt?: string;
}

export type PromotionKind = 'PERCENTAGE' | 'FIXED_AMOUNT';

export interface PromotionRecord {
  /** Upper case; lookups normalise the caller's input to match. */
  code: string;
  kind: PromotionKind;
  /** PERCENTAGE: 1..100 (percent); FIXED_AMOUNT: cents off the subtotal. */
  value: number;
  /** Cents the subtotal must reach for the code to discount anything. */
  minimumSubtotal?: number;
  /** ISO 8601 instants: the code applies from `startsAt` and until (not at) `endsAt`. */
  startsAt?: string;
  endsAt?: string;
  /** Checkouts that may use the code in total; `timesUsed` counts them, in checkout's transaction. */
  usageLimit?: number;
  timesUsed: number;
  active: boolean;
}

/** One line of an order: what was bought, at the catalogue price of the moment it was bought. */
export interface OrderLine {
  productId: string;
  /** The product's name at purchase time, so the order reads the same after catalogue edits. */
  name: string;
  /** Unit price in cents at purchase time. */
  price: number;
  quantity: number;
  lineTotal: number;
}

/** PLACED → CANCELLED (by the shopper) or PLACED → SHIPPED (by staff); both are final. */
export type OrderStatus = 'PLACED' | 'CANCELLED' | 'SHIPPED';

export interface OrderRecord {
  userId: string;
  /** Derived from (userId, idempotency key): a retry computes the same id (see domain/checkout.ts). */
  id: string;
  items: OrderLine[];
  /** The promotion that priced the order, upper case; absent when none did. */
  promotionCode?: string;
  /**
   * True when checkout counted the promotion's use (in its transaction). Orders placed before uses
   * were counted lack it, and their cancellation gives no use back.
   */
  promotionUseCounted?: boolean;
  discountPercentage: number;
  subtotal: number;
  discount: number;
  total: number;
  itemCount: number;
  status: OrderStatus;
  createdAt: string;
  /** When the shopper cancelled it (ISO 8601), for a CANCELLED order. */
  cancelledAt?: string;
  /** When staff shipped it (ISO 8601), for a SHIPPED order. */
  shippedAt?: string;
  /** Hash of the cart content the order was made from: tells a retry from a reuse of the key. */
  cartFingerprint: string;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  hasNextPage: boolean;
  /**
   * Where the next page starts, when that is not the last edge: a filtered listing that stopped
   * reading before filling its page (productBrowse.ts).
   */
  endCursor?: string;
}
