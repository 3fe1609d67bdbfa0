/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A new product, for `createProduct`. Strings are trimmed; money is integer cents. */
export type CreateProductInput = {
  /** The slugs of the categories it belongs to (at most 5, each an existing category's). */
  categories?: Array<string | number> | null | undefined;
  /** The stock-keeping code, 1..64 characters. */
  code: string;
  /** At most 5000 characters. */
  description?: string | null | undefined;
  /** A slug (`a-z`, `0-9` and single dashes, at most 100 characters); made from the name when absent. */
  id?: string | number | null | undefined;
  /** An image URL (http or https, or a path from the site's root), at most 2048 characters. */
  image?: string | null | undefined;
  /** 1..200 characters. */
  name: string;
  /** 0..2147483647 cents. */
  price: number;
  /** Units in stock, 0..2147483647. Default 0. */
  stock?: number | null | undefined;
};

/** The life cycle of an order. */
export type OrderStatus =
  /** Cancelled by the shopper before shipping: its units went back to stock. Final. */
  | 'CANCELLED'
  /** Placed: paid for in stock, and the cart emptied. The shopper may still cancel it. */
  | 'PLACED'
  /** Shipped by staff. Final. */
  | 'SHIPPED';

/**
 * Narrows a product list; every field given must hold. Read from indexes, never by scanning the
 * catalogue (docs/browsing.md).
 */
export type ProductFilter = {
  /** Only products in the category with this slug. */
  category?: string | number | null | undefined;
  /** true: only products in stock; false: only those out of stock. */
  inStock?: boolean | null | undefined;
  /** Only products of at most this price, in cents. */
  maxPrice?: number | null | undefined;
  /** Only products of at least this price, in cents. */
  minPrice?: number | null | undefined;
  /**
   * Only products whose name has a word starting with each word given, ignoring case and accents:
   * "bir" finds "Lonely Bird", "lone bi" needs both. 1..5 words of 1..30 letters or digits.
   */
  search?: string | null | undefined;
};

/** How a product list is ordered. Ties in price or date keep one stable order. */
export type ProductSort =
  /** By name, ignoring case and accents. */
  | 'NAME'
  /** Newest in the catalogue first. */
  | 'NEWEST'
  /** Cheapest first. */
  | 'PRICE_ASC'
  /** Dearest first. */
  | 'PRICE_DESC';

/** A new promotion code, for `createPromotion`. */
export type PromotionInput = {
  active?: boolean | null | undefined;
  /** 1..64 letters, digits, `-` or `_`; stored upper case. */
  code: string;
  /** ISO 8601, after `startsAt`. */
  endsAt?: string | null | undefined;
  kind: PromotionKind;
  /** 0..2147483647 cents. */
  minimumSubtotal?: number | null | undefined;
  /** ISO 8601 date and time with its offset, e.g. 2026-12-01T00:00:00Z. */
  startsAt?: string | null | undefined;
  /** 1 or more. */
  usageLimit?: number | null | undefined;
  /** 1..100 for PERCENTAGE; 1..2147483647 cents for FIXED_AMOUNT. */
  value: number;
};

/** How a promotion discounts. */
export type PromotionKind =
  /** `value` cents off the subtotal, never more than the subtotal. */
  | 'FIXED_AMOUNT'
  /** `value` percent of the subtotal, rounded half up to the cent. */
  | 'PERCENTAGE';

export type AddToCartMutationVariables = Exact<{
  productId: string | number;
}>;


export type AddToCartMutation = { addToCart: { itemCount: number } };

export type CartViewFragment = { promotionCode: string | null, discountPercentage: number, promotionNotice: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ name: string, code: string, price: number, quantity: number, lineTotal: number, product: { id: string, stock: number } }> };

export type CartPageQueryVariables = Exact<{ [key: string]: never; }>;


export type CartPageQuery = { cart: { promotionCode: string | null, discountPercentage: number, promotionNotice: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ name: string, code: string, price: number, quantity: number, lineTotal: number, product: { id: string, stock: number } }> } };

export type UpdateCartItemMutationVariables = Exact<{
  productId: string | number;
  quantity: number;
}>;


export type UpdateCartItemMutation = { updateCartItem: { promotionCode: string | null, discountPercentage: number, promotionNotice: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ name: string, code: string, price: number, quantity: number, lineTotal: number, product: { id: string, stock: number } }> } };

export type RemoveFromCartMutationVariables = Exact<{
  productId: string | number;
}>;


export type RemoveFromCartMutation = { removeFromCart: { promotionCode: string | null, discountPercentage: number, promotionNotice: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ name: string, code: string, price: number, quantity: number, lineTotal: number, product: { id: string, stock: number } }> } };

export type ApplyPromotionCodeMutationVariables = Exact<{
  code?: string | null | undefined;
}>;


export type ApplyPromotionCodeMutation = { applyPromotionCode: { promotionCode: string | null, discountPercentage: number, promotionNotice: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ name: string, code: string, price: number, quantity: number, lineTotal: number, product: { id: string, stock: number } }> } };

export type CheckoutMutationVariables = Exact<{
  idempotencyKey: string;
}>;


export type CheckoutMutation = { checkout: { id: string } };

export type HomePageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  sort?: ProductSort | null | undefined;
  filter?: ProductFilter | null | undefined;
  signedIn: boolean;
}>;


export type HomePageQuery = { categories: Array<{ slug: string, name: string, productCount: number }>, products: { nodes: Array<{ id: string, name: string, image: string | null, price: number, stock: number, isSelected: boolean, rating: number | null, commentCount: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart?: { itemCount: number } };

export type BrowseCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type BrowseCategoriesQuery = { categories: Array<{ slug: string, name: string, productCount: number }> };

export type OrderCardFragment = { id: string, createdAt: string, status: OrderStatus, cancelledAt: string | null, shippedAt: string | null, promotionCode: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ productId: string, name: string, price: number, quantity: number, lineTotal: number }> };

export type CancelOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelOrderMutation = { cancelOrder: { id: string, createdAt: string, status: OrderStatus, cancelledAt: string | null, shippedAt: string | null, promotionCode: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ productId: string, name: string, price: number, quantity: number, lineTotal: number }> } };

export type OrdersPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OrdersPageQuery = { orders: { nodes: Array<{ id: string, createdAt: string, status: OrderStatus, cancelledAt: string | null, shippedAt: string | null, promotionCode: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ productId: string, name: string, price: number, quantity: number, lineTotal: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart: { itemCount: number } };

export type ProductPageQueryVariables = Exact<{
  id: string | number;
  commentsFirst: number;
  commentsAfter?: string | null | undefined;
  signedIn: boolean;
}>;


export type ProductPageQuery = { product: { id: string, name: string, description: string | null, image: string | null, code: string, price: number, stock: number, isSelected: boolean, rating: number | null, commentCount: number, categories: Array<{ slug: string, name: string }>, comments: { nodes: Array<{ id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null, cart?: { itemCount: number } };

export type AddCommentMutationVariables = Exact<{
  productId: string | number;
  text: string;
  rating?: number | null | undefined;
}>;


export type AddCommentMutation = { addComment: { id: string } };

export type ProductCardFragment = { id: string, name: string, image: string | null, price: number, stock: number, isSelected: boolean, rating: number | null, commentCount: number };

export type StaffCommentFragment = { id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean };

export type StaffCommentProductFragment = { id: string, name: string, commentCount: number, rating: number | null };

export type HideCommentMutationVariables = Exact<{
  id: string | number;
}>;


export type HideCommentMutation = { hideComment: { id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean, product: { id: string, name: string, commentCount: number, rating: number | null } } };

export type UnhideCommentMutationVariables = Exact<{
  id: string | number;
}>;


export type UnhideCommentMutation = { unhideComment: { id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean, product: { id: string, name: string, commentCount: number, rating: number | null } } };

export type StaffCommentsPageQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type StaffCommentsPageQuery = { product: { id: string, name: string, commentCount: number, rating: number | null, comments: { nodes: Array<{ id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, hiddenComments: { nodes: Array<{ id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null, cart: { itemCount: number } };

export type StaffMoreCommentsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after: string;
  hidden: boolean;
}>;


export type StaffMoreCommentsQuery = { product: { id: string, comments?: { nodes: Array<{ id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, hiddenComments?: { nodes: Array<{ id: string, author: string, text: string, rating: number | null, createdAt: string, verifiedPurchase: boolean, hidden: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { createProduct: { id: string, name: string, code: string, price: number, stock: number, archived: boolean } };

export type CreatePromotionMutationVariables = Exact<{
  input: PromotionInput;
}>;


export type CreatePromotionMutation = { createPromotion: { code: string, kind: PromotionKind, value: number, minimumSubtotal: number | null, startsAt: string | null, endsAt: string | null, usageLimit: number | null, timesUsed: number, active: boolean } };

export type StaffOrderFragment = { id: string, customerId: string, createdAt: string, status: OrderStatus, cancelledAt: string | null, shippedAt: string | null, itemCount: number, total: number };

export type ShipOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type ShipOrderMutation = { shipOrder: { id: string, customerId: string, createdAt: string, status: OrderStatus, cancelledAt: string | null, shippedAt: string | null, itemCount: number, total: number } };

export type StaffOrdersPageQueryVariables = Exact<{
  status?: OrderStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type StaffOrdersPageQuery = { allOrders: { nodes: Array<{ id: string, customerId: string, createdAt: string, status: OrderStatus, cancelledAt: string | null, shippedAt: string | null, itemCount: number, total: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart: { itemCount: number } };

export type StaffProductFragment = { id: string, name: string, code: string, price: number, stock: number, archived: boolean };

export type UpdateProductPriceMutationVariables = Exact<{
  id: string | number;
  price: number;
}>;


export type UpdateProductPriceMutation = { updateProduct: { id: string, name: string, code: string, price: number, stock: number, archived: boolean } };

export type AdjustStockMutationVariables = Exact<{
  productId: string | number;
  delta: number;
  expectedStock: number;
}>;


export type AdjustStockMutation = { adjustStock: { id: string, name: string, code: string, price: number, stock: number, archived: boolean } };

export type ArchiveProductMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchiveProductMutation = { archiveProduct: { id: string, name: string, code: string, price: number, stock: number, archived: boolean } };

export type UnarchiveProductMutationVariables = Exact<{
  id: string | number;
}>;


export type UnarchiveProductMutation = { unarchiveProduct: { id: string, name: string, code: string, price: number, stock: number, archived: boolean } };

export type StaffProductsPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type StaffProductsPageQuery = { products: { nodes: Array<{ id: string, name: string, code: string, price: number, stock: number, archived: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart: { itemCount: number } };

export type StaffPromotionFragment = { code: string, kind: PromotionKind, value: number, minimumSubtotal: number | null, startsAt: string | null, endsAt: string | null, usageLimit: number | null, timesUsed: number, active: boolean };

export type SetPromotionActiveMutationVariables = Exact<{
  code: string;
  active: boolean;
}>;


export type SetPromotionActiveMutation = { updatePromotion: { code: string, kind: PromotionKind, value: number, minimumSubtotal: number | null, startsAt: string | null, endsAt: string | null, usageLimit: number | null, timesUsed: number, active: boolean } };

export type StaffPromotionsPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type StaffPromotionsPageQuery = { promotions: { nodes: Array<{ code: string, kind: PromotionKind, value: number, minimumSubtotal: number | null, startsAt: string | null, endsAt: string | null, usageLimit: number | null, timesUsed: number, active: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart: { itemCount: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CartViewFragmentDoc = new TypedDocumentString(`
    fragment CartView on Cart {
  items {
    product {
      id
      stock
    }
    name
    code
    price
    quantity
    lineTotal
  }
  promotionCode
  discountPercentage
  promotionNotice
  subtotal
  discount
  total
  itemCount
}
    `, {"fragmentName":"CartView"}) as unknown as TypedDocumentString<CartViewFragment, unknown>;
export const OrderCardFragmentDoc = new TypedDocumentString(`
    fragment OrderCard on Order {
  id
  createdAt
  status
  cancelledAt
  shippedAt
  promotionCode
  subtotal
  discount
  total
  itemCount
  items {
    productId
    name
    price
    quantity
    lineTotal
  }
}
    `, {"fragmentName":"OrderCard"}) as unknown as TypedDocumentString<OrderCardFragment, unknown>;
export const ProductCardFragmentDoc = new TypedDocumentString(`
    fragment ProductCard on Product {
  id
  name
  image
  price
  stock
  isSelected
  rating
  commentCount
}
    `, {"fragmentName":"ProductCard"}) as unknown as TypedDocumentString<ProductCardFragment, unknown>;
export const StaffCommentFragmentDoc = new TypedDocumentString(`
    fragment StaffComment on Comment {
  id
  author
  text
  rating
  createdAt
  verifiedPurchase
  hidden
}
    `, {"fragmentName":"StaffComment"}) as unknown as TypedDocumentString<StaffCommentFragment, unknown>;
export const StaffCommentProductFragmentDoc = new TypedDocumentString(`
    fragment StaffCommentProduct on Product {
  id
  name
  commentCount
  rating
}
    `, {"fragmentName":"StaffCommentProduct"}) as unknown as TypedDocumentString<StaffCommentProductFragment, unknown>;
export const StaffOrderFragmentDoc = new TypedDocumentString(`
    fragment StaffOrder on Order {
  id
  customerId
  createdAt
  status
  cancelledAt
  shippedAt
  itemCount
  total
}
    `, {"fragmentName":"StaffOrder"}) as unknown as TypedDocumentString<StaffOrderFragment, unknown>;
export const StaffProductFragmentDoc = new TypedDocumentString(`
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}
    `, {"fragmentName":"StaffProduct"}) as unknown as TypedDocumentString<StaffProductFragment, unknown>;
export const StaffPromotionFragmentDoc = new TypedDocumentString(`
    fragment StaffPromotion on Promotion {
  code
  kind
  value
  minimumSubtotal
  startsAt
  endsAt
  usageLimit
  timesUsed
  active
}
    `, {"fragmentName":"StaffPromotion"}) as unknown as TypedDocumentString<StaffPromotionFragment, unknown>;
export const AddToCartDocument = new TypedDocumentString(`
    mutation AddToCart($productId: ID!) {
  addToCart(productId: $productId, quantity: 1) {
    itemCount
  }
}
    `) as unknown as TypedDocumentString<AddToCartMutation, AddToCartMutationVariables>;
export const CartPageDocument = new TypedDocumentString(`
    query CartPage {
  cart {
    ...CartView
  }
}
    fragment CartView on Cart {
  items {
    product {
      id
      stock
    }
    name
    code
    price
    quantity
    lineTotal
  }
  promotionCode
  discountPercentage
  promotionNotice
  subtotal
  discount
  total
  itemCount
}`) as unknown as TypedDocumentString<CartPageQuery, CartPageQueryVariables>;
export const UpdateCartItemDocument = new TypedDocumentString(`
    mutation UpdateCartItem($productId: ID!, $quantity: Int!) {
  updateCartItem(productId: $productId, quantity: $quantity) {
    ...CartView
  }
}
    fragment CartView on Cart {
  items {
    product {
      id
      stock
    }
    name
    code
    price
    quantity
    lineTotal
  }
  promotionCode
  discountPercentage
  promotionNotice
  subtotal
  discount
  total
  itemCount
}`) as unknown as TypedDocumentString<UpdateCartItemMutation, UpdateCartItemMutationVariables>;
export const RemoveFromCartDocument = new TypedDocumentString(`
    mutation RemoveFromCart($productId: ID!) {
  removeFromCart(productId: $productId) {
    ...CartView
  }
}
    fragment CartView on Cart {
  items {
    product {
      id
      stock
    }
    name
    code
    price
    quantity
    lineTotal
  }
  promotionCode
  discountPercentage
  promotionNotice
  subtotal
  discount
  total
  itemCount
}`) as unknown as TypedDocumentString<RemoveFromCartMutation, RemoveFromCartMutationVariables>;
export const ApplyPromotionCodeDocument = new TypedDocumentString(`
    mutation ApplyPromotionCode($code: String) {
  applyPromotionCode(code: $code) {
    ...CartView
  }
}
    fragment CartView on Cart {
  items {
    product {
      id
      stock
    }
    name
    code
    price
    quantity
    lineTotal
  }
  promotionCode
  discountPercentage
  promotionNotice
  subtotal
  discount
  total
  itemCount
}`) as unknown as TypedDocumentString<ApplyPromotionCodeMutation, ApplyPromotionCodeMutationVariables>;
export const CheckoutDocument = new TypedDocumentString(`
    mutation Checkout($idempotencyKey: String!) {
  checkout(idempotencyKey: $idempotencyKey) {
    id
  }
}
    `) as unknown as TypedDocumentString<CheckoutMutation, CheckoutMutationVariables>;
export const HomePageDocument = new TypedDocumentString(`
    query HomePage($first: Int!, $after: String, $sort: ProductSort, $filter: ProductFilter, $signedIn: Boolean!) {
  categories {
    slug
    name
    productCount
  }
  products(first: $first, after: $after, sort: $sort, filter: $filter) {
    nodes {
      ...ProductCard
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  cart @include(if: $signedIn) {
    itemCount
  }
}
    fragment ProductCard on Product {
  id
  name
  image
  price
  stock
  isSelected
  rating
  commentCount
}`) as unknown as TypedDocumentString<HomePageQuery, HomePageQueryVariables>;
export const BrowseCategoriesDocument = new TypedDocumentString(`
    query BrowseCategories {
  categories {
    slug
    name
    productCount
  }
}
    `) as unknown as TypedDocumentString<BrowseCategoriesQuery, BrowseCategoriesQueryVariables>;
export const CancelOrderDocument = new TypedDocumentString(`
    mutation CancelOrder($id: ID!) {
  cancelOrder(id: $id) {
    ...OrderCard
  }
}
    fragment OrderCard on Order {
  id
  createdAt
  status
  cancelledAt
  shippedAt
  promotionCode
  subtotal
  discount
  total
  itemCount
  items {
    productId
    name
    price
    quantity
    lineTotal
  }
}`) as unknown as TypedDocumentString<CancelOrderMutation, CancelOrderMutationVariables>;
export const OrdersPageDocument = new TypedDocumentString(`
    query OrdersPage($first: Int!, $after: String) {
  orders(first: $first, after: $after) {
    nodes {
      ...OrderCard
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  cart {
    itemCount
  }
}
    fragment OrderCard on Order {
  id
  createdAt
  status
  cancelledAt
  shippedAt
  promotionCode
  subtotal
  discount
  total
  itemCount
  items {
    productId
    name
    price
    quantity
    lineTotal
  }
}`) as unknown as TypedDocumentString<OrdersPageQuery, OrdersPageQueryVariables>;
export const ProductPageDocument = new TypedDocumentString(`
    query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {
  product(id: $id) {
    id
    name
    description
    image
    code
    price
    stock
    isSelected
    rating
    commentCount
    categories {
      slug
      name
    }
    comments(first: $commentsFirst, after: $commentsAfter) {
      nodes {
        id
        author
        text
        rating
        createdAt
        verifiedPurchase
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  cart @include(if: $signedIn) {
    itemCount
  }
}
    `) as unknown as TypedDocumentString<ProductPageQuery, ProductPageQueryVariables>;
export const AddCommentDocument = new TypedDocumentString(`
    mutation AddComment($productId: ID!, $text: String!, $rating: Int) {
  addComment(productId: $productId, text: $text, rating: $rating) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddCommentMutation, AddCommentMutationVariables>;
export const HideCommentDocument = new TypedDocumentString(`
    mutation HideComment($id: ID!) {
  hideComment(id: $id) {
    ...StaffComment
    product {
      ...StaffCommentProduct
    }
  }
}
    fragment StaffComment on Comment {
  id
  author
  text
  rating
  createdAt
  verifiedPurchase
  hidden
}
fragment StaffCommentProduct on Product {
  id
  name
  commentCount
  rating
}`) as unknown as TypedDocumentString<HideCommentMutation, HideCommentMutationVariables>;
export const UnhideCommentDocument = new TypedDocumentString(`
    mutation UnhideComment($id: ID!) {
  unhideComment(id: $id) {
    ...StaffComment
    product {
      ...StaffCommentProduct
    }
  }
}
    fragment StaffComment on Comment {
  id
  author
  text
  rating
  createdAt
  verifiedPurchase
  hidden
}
fragment StaffCommentProduct on Product {
  id
  name
  commentCount
  rating
}`) as unknown as TypedDocumentString<UnhideCommentMutation, UnhideCommentMutationVariables>;
export const StaffCommentsPageDocument = new TypedDocumentString(`
    query StaffCommentsPage($id: ID!, $first: Int!) {
  product(id: $id) {
    ...StaffCommentProduct
    comments(first: $first) {
      nodes {
        ...StaffComment
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    hiddenComments(first: $first) {
      nodes {
        ...StaffComment
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  cart {
    itemCount
  }
}
    fragment StaffComment on Comment {
  id
  author
  text
  rating
  createdAt
  verifiedPurchase
  hidden
}
fragment StaffCommentProduct on Product {
  id
  name
  commentCount
  rating
}`) as unknown as TypedDocumentString<StaffCommentsPageQuery, StaffCommentsPageQueryVariables>;
export const StaffMoreCommentsDocument = new TypedDocumentString(`
    query StaffMoreComments($id: ID!, $first: Int!, $after: String!, $hidden: Boolean!) {
  product(id: $id) {
    id
    comments(first: $first, after: $after) @skip(if: $hidden) {
      nodes {
        ...StaffComment
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    hiddenComments(first: $first, after: $after) @include(if: $hidden) {
      nodes {
        ...StaffComment
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment StaffComment on Comment {
  id
  author
  text
  rating
  createdAt
  verifiedPurchase
  hidden
}`) as unknown as TypedDocumentString<StaffMoreCommentsQuery, StaffMoreCommentsQueryVariables>;
export const CreateProductDocument = new TypedDocumentString(`
    mutation CreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    ...StaffProduct
  }
}
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}`) as unknown as TypedDocumentString<CreateProductMutation, CreateProductMutationVariables>;
export const CreatePromotionDocument = new TypedDocumentString(`
    mutation CreatePromotion($input: PromotionInput!) {
  createPromotion(input: $input) {
    ...StaffPromotion
  }
}
    fragment StaffPromotion on Promotion {
  code
  kind
  value
  minimumSubtotal
  startsAt
  endsAt
  usageLimit
  timesUsed
  active
}`) as unknown as TypedDocumentString<CreatePromotionMutation, CreatePromotionMutationVariables>;
export const ShipOrderDocument = new TypedDocumentString(`
    mutation ShipOrder($id: ID!) {
  shipOrder(id: $id) {
    ...StaffOrder
  }
}
    fragment StaffOrder on Order {
  id
  customerId
  createdAt
  status
  cancelledAt
  shippedAt
  itemCount
  total
}`) as unknown as TypedDocumentString<ShipOrderMutation, ShipOrderMutationVariables>;
export const StaffOrdersPageDocument = new TypedDocumentString(`
    query StaffOrdersPage($status: OrderStatus, $first: Int!, $after: String) {
  allOrders(status: $status, first: $first, after: $after) {
    nodes {
      ...StaffOrder
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  cart {
    itemCount
  }
}
    fragment StaffOrder on Order {
  id
  customerId
  createdAt
  status
  cancelledAt
  shippedAt
  itemCount
  total
}`) as unknown as TypedDocumentString<StaffOrdersPageQuery, StaffOrdersPageQueryVariables>;
export const UpdateProductPriceDocument = new TypedDocumentString(`
    mutation UpdateProductPrice($id: ID!, $price: Int!) {
  updateProduct(id: $id, input: {price: $price}) {
    ...StaffProduct
  }
}
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}`) as unknown as TypedDocumentString<UpdateProductPriceMutation, UpdateProductPriceMutationVariables>;
export const AdjustStockDocument = new TypedDocumentString(`
    mutation AdjustStock($productId: ID!, $delta: Int!, $expectedStock: Int!) {
  adjustStock(productId: $productId, delta: $delta, expectedStock: $expectedStock) {
    ...StaffProduct
  }
}
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}`) as unknown as TypedDocumentString<AdjustStockMutation, AdjustStockMutationVariables>;
export const ArchiveProductDocument = new TypedDocumentString(`
    mutation ArchiveProduct($id: ID!) {
  archiveProduct(id: $id) {
    ...StaffProduct
  }
}
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}`) as unknown as TypedDocumentString<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const UnarchiveProductDocument = new TypedDocumentString(`
    mutation UnarchiveProduct($id: ID!) {
  unarchiveProduct(id: $id) {
    ...StaffProduct
  }
}
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}`) as unknown as TypedDocumentString<UnarchiveProductMutation, UnarchiveProductMutationVariables>;
export const StaffProductsPageDocument = new TypedDocumentString(`
    query StaffProductsPage($first: Int!, $after: String) {
  products(first: $first, after: $after, includeArchived: true) {
    nodes {
      ...StaffProduct
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  cart {
    itemCount
  }
}
    fragment StaffProduct on Product {
  id
  name
  code
  price
  stock
  archived
}`) as unknown as TypedDocumentString<StaffProductsPageQuery, StaffProductsPageQueryVariables>;
export const SetPromotionActiveDocument = new TypedDocumentString(`
    mutation SetPromotionActive($code: String!, $active: Boolean!) {
  updatePromotion(code: $code, input: {active: $active}) {
    ...StaffPromotion
  }
}
    fragment StaffPromotion on Promotion {
  code
  kind
  value
  minimumSubtotal
  startsAt
  endsAt
  usageLimit
  timesUsed
  active
}`) as unknown as TypedDocumentString<SetPromotionActiveMutation, SetPromotionActiveMutationVariables>;
export const StaffPromotionsPageDocument = new TypedDocumentString(`
    query StaffPromotionsPage($first: Int!, $after: String) {
  promotions(first: $first, after: $after) {
    nodes {
      ...StaffPromotion
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  cart {
    itemCount
  }
}
    fragment StaffPromotion on Promotion {
  code
  kind
  value
  minimumSubtotal
  startsAt
  endsAt
  usageLimit
  timesUsed
  active
}`) as unknown as TypedDocumentString<StaffPromotionsPageQuery, StaffPromotionsPageQueryVariables>;