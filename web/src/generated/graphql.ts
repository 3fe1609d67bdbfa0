/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The life cycle of an order. */
export type OrderStatus =
  /** Placed: paid for in stock, and the cart emptied. */
  | 'PLACED';

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
  signedIn: boolean;
}>;


export type HomePageQuery = { products: { nodes: Array<{ id: string, name: string, image: string | null, price: number, stock: number, isSelected: boolean, rating: number | null, commentCount: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart?: { itemCount: number } };

export type OrdersPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type OrdersPageQuery = { orders: { nodes: Array<{ id: string, createdAt: string, status: OrderStatus, promotionCode: string | null, subtotal: number, discount: number, total: number, itemCount: number, items: Array<{ productId: string, name: string, price: number, quantity: number, lineTotal: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, cart: { itemCount: number } };

export type ProductPageQueryVariables = Exact<{
  id: string | number;
  commentsFirst: number;
  commentsAfter?: string | null | undefined;
  signedIn: boolean;
}>;


export type ProductPageQuery = { product: { id: string, name: string, description: string | null, image: string | null, code: string, price: number, stock: number, isSelected: boolean, rating: number | null, commentCount: number, comments: { nodes: Array<{ id: string, author: string, text: string, rating: number | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null, cart?: { itemCount: number } };

export type AddCommentMutationVariables = Exact<{
  productId: string | number;
  text: string;
  rating?: number | null | undefined;
}>;


export type AddCommentMutation = { addComment: { id: string } };

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
    query HomePage($first: Int!, $after: String, $signedIn: Boolean!) {
  products(first: $first, after: $after) {
    nodes {
      id
      name
      image
      price
      stock
      isSelected
      rating
      commentCount
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
    `) as unknown as TypedDocumentString<HomePageQuery, HomePageQueryVariables>;
export const OrdersPageDocument = new TypedDocumentString(`
    query OrdersPage($first: Int!, $after: String) {
  orders(first: $first, after: $after) {
    nodes {
      id
      createdAt
      status
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
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  cart {
    itemCount
  }
}
    `) as unknown as TypedDocumentString<OrdersPageQuery, OrdersPageQueryVariables>;
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
    comments(first: $commentsFirst, after: $commentsAfter) {
      nodes {
        id
        author
        text
        rating
        createdAt
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