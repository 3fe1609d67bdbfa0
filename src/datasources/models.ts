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
  /** Aggregates kept in step with the comments table by the same transaction that adds a comment. */
  commentCount: number;
  ratingSum: number;
  ratingCount: number;
}

export interface CommentRecord {
  productId: string;
  id: string;
  authorId: string;
  author: string;
  text: string;
  rating?: number;
  createdAt: string;
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

export interface PromotionRecord {
  /** Upper case; lookups normalise the caller's input to match. */
  code: string;
  percentage: number;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  hasNextPage: boolean;
}
