/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AddToCart($productId: ID!) {\n    addToCart(productId: $productId, quantity: 1) {\n      itemCount\n    }\n  }\n": typeof types.AddToCartDocument,
    "\n  fragment CartView on Cart {\n    items {\n      product {\n        id\n        stock\n      }\n      name\n      code\n      price\n      quantity\n      lineTotal\n    }\n    promotionCode\n    discountPercentage\n    promotionNotice\n    subtotal\n    discount\n    total\n    itemCount\n  }\n": typeof types.CartViewFragmentDoc,
    "\n  query CartPage {\n    cart {\n      ...CartView\n    }\n  }\n": typeof types.CartPageDocument,
    "\n  mutation UpdateCartItem($productId: ID!, $quantity: Int!) {\n    updateCartItem(productId: $productId, quantity: $quantity) {\n      ...CartView\n    }\n  }\n": typeof types.UpdateCartItemDocument,
    "\n  mutation RemoveFromCart($productId: ID!) {\n    removeFromCart(productId: $productId) {\n      ...CartView\n    }\n  }\n": typeof types.RemoveFromCartDocument,
    "\n  mutation ApplyPromotionCode($code: String) {\n    applyPromotionCode(code: $code) {\n      ...CartView\n    }\n  }\n": typeof types.ApplyPromotionCodeDocument,
    "\n  mutation Checkout($idempotencyKey: String!) {\n    checkout(idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  query HomePage($first: Int!, $after: String, $signedIn: Boolean!) {\n    products(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        image\n        price\n        stock\n        isSelected\n        rating\n        commentCount\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": typeof types.HomePageDocument,
    "\n  query OrdersPage($first: Int!, $after: String) {\n    orders(first: $first, after: $after) {\n      nodes {\n        id\n        createdAt\n        status\n        promotionCode\n        subtotal\n        discount\n        total\n        itemCount\n        items {\n          productId\n          name\n          price\n          quantity\n          lineTotal\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": typeof types.OrdersPageDocument,
    "\n  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {\n    product(id: $id) {\n      id\n      name\n      description\n      image\n      code\n      price\n      stock\n      isSelected\n      rating\n      commentCount\n      comments(first: $commentsFirst, after: $commentsAfter) {\n        nodes {\n          id\n          author\n          text\n          rating\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": typeof types.ProductPageDocument,
    "\n  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {\n    addComment(productId: $productId, text: $text, rating: $rating) {\n      id\n    }\n  }\n": typeof types.AddCommentDocument,
};
const documents: Documents = {
    "\n  mutation AddToCart($productId: ID!) {\n    addToCart(productId: $productId, quantity: 1) {\n      itemCount\n    }\n  }\n": types.AddToCartDocument,
    "\n  fragment CartView on Cart {\n    items {\n      product {\n        id\n        stock\n      }\n      name\n      code\n      price\n      quantity\n      lineTotal\n    }\n    promotionCode\n    discountPercentage\n    promotionNotice\n    subtotal\n    discount\n    total\n    itemCount\n  }\n": types.CartViewFragmentDoc,
    "\n  query CartPage {\n    cart {\n      ...CartView\n    }\n  }\n": types.CartPageDocument,
    "\n  mutation UpdateCartItem($productId: ID!, $quantity: Int!) {\n    updateCartItem(productId: $productId, quantity: $quantity) {\n      ...CartView\n    }\n  }\n": types.UpdateCartItemDocument,
    "\n  mutation RemoveFromCart($productId: ID!) {\n    removeFromCart(productId: $productId) {\n      ...CartView\n    }\n  }\n": types.RemoveFromCartDocument,
    "\n  mutation ApplyPromotionCode($code: String) {\n    applyPromotionCode(code: $code) {\n      ...CartView\n    }\n  }\n": types.ApplyPromotionCodeDocument,
    "\n  mutation Checkout($idempotencyKey: String!) {\n    checkout(idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": types.CheckoutDocument,
    "\n  query HomePage($first: Int!, $after: String, $signedIn: Boolean!) {\n    products(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        image\n        price\n        stock\n        isSelected\n        rating\n        commentCount\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": types.HomePageDocument,
    "\n  query OrdersPage($first: Int!, $after: String) {\n    orders(first: $first, after: $after) {\n      nodes {\n        id\n        createdAt\n        status\n        promotionCode\n        subtotal\n        discount\n        total\n        itemCount\n        items {\n          productId\n          name\n          price\n          quantity\n          lineTotal\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": types.OrdersPageDocument,
    "\n  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {\n    product(id: $id) {\n      id\n      name\n      description\n      image\n      code\n      price\n      stock\n      isSelected\n      rating\n      commentCount\n      comments(first: $commentsFirst, after: $commentsAfter) {\n        nodes {\n          id\n          author\n          text\n          rating\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": types.ProductPageDocument,
    "\n  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {\n    addComment(productId: $productId, text: $text, rating: $rating) {\n      id\n    }\n  }\n": types.AddCommentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddToCart($productId: ID!) {\n    addToCart(productId: $productId, quantity: 1) {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').AddToCartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartView on Cart {\n    items {\n      product {\n        id\n        stock\n      }\n      name\n      code\n      price\n      quantity\n      lineTotal\n    }\n    promotionCode\n    discountPercentage\n    promotionNotice\n    subtotal\n    discount\n    total\n    itemCount\n  }\n"): typeof import('./graphql').CartViewFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartPage {\n    cart {\n      ...CartView\n    }\n  }\n"): typeof import('./graphql').CartPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCartItem($productId: ID!, $quantity: Int!) {\n    updateCartItem(productId: $productId, quantity: $quantity) {\n      ...CartView\n    }\n  }\n"): typeof import('./graphql').UpdateCartItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFromCart($productId: ID!) {\n    removeFromCart(productId: $productId) {\n      ...CartView\n    }\n  }\n"): typeof import('./graphql').RemoveFromCartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyPromotionCode($code: String) {\n    applyPromotionCode(code: $code) {\n      ...CartView\n    }\n  }\n"): typeof import('./graphql').ApplyPromotionCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($idempotencyKey: String!) {\n    checkout(idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n"): typeof import('./graphql').CheckoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage($first: Int!, $after: String, $signedIn: Boolean!) {\n    products(first: $first, after: $after) {\n      nodes {\n        id\n        name\n        image\n        price\n        stock\n        isSelected\n        rating\n        commentCount\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').HomePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersPage($first: Int!, $after: String) {\n    orders(first: $first, after: $after) {\n      nodes {\n        id\n        createdAt\n        status\n        promotionCode\n        subtotal\n        discount\n        total\n        itemCount\n        items {\n          productId\n          name\n          price\n          quantity\n          lineTotal\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').OrdersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {\n    product(id: $id) {\n      id\n      name\n      description\n      image\n      code\n      price\n      stock\n      isSelected\n      rating\n      commentCount\n      comments(first: $commentsFirst, after: $commentsAfter) {\n        nodes {\n          id\n          author\n          text\n          rating\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').ProductPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {\n    addComment(productId: $productId, text: $text, rating: $rating) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddCommentDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
