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
    "\n  query HomePage(\n    $first: Int!\n    $after: String\n    $sort: ProductSort\n    $filter: ProductFilter\n    $signedIn: Boolean!\n  ) {\n    categories {\n      slug\n      name\n      productCount\n    }\n    products(first: $first, after: $after, sort: $sort, filter: $filter) {\n      nodes {\n        ...ProductCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": typeof types.HomePageDocument,
    "\n  query BrowseCategories {\n    categories {\n      slug\n      name\n      productCount\n    }\n  }\n": typeof types.BrowseCategoriesDocument,
    "\n  fragment OrderCard on Order {\n    id\n    createdAt\n    status\n    cancelledAt\n    shippedAt\n    promotionCode\n    subtotal\n    discount\n    total\n    itemCount\n    items {\n      productId\n      name\n      price\n      quantity\n      lineTotal\n    }\n  }\n": typeof types.OrderCardFragmentDoc,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderCard\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  query OrdersPage($first: Int!, $after: String) {\n    orders(first: $first, after: $after) {\n      nodes {\n        ...OrderCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": typeof types.OrdersPageDocument,
    "\n  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {\n    product(id: $id) {\n      id\n      name\n      description\n      image\n      code\n      price\n      stock\n      isSelected\n      rating\n      commentCount\n      categories {\n        slug\n        name\n      }\n      comments(first: $commentsFirst, after: $commentsAfter) {\n        nodes {\n          id\n          author\n          text\n          rating\n          createdAt\n          verifiedPurchase\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": typeof types.ProductPageDocument,
    "\n  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {\n    addComment(productId: $productId, text: $text, rating: $rating) {\n      id\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  fragment ProductCard on Product {\n    id\n    name\n    image\n    price\n    stock\n    isSelected\n    rating\n    commentCount\n  }\n": typeof types.ProductCardFragmentDoc,
    "\n  fragment StaffComment on Comment {\n    id\n    author\n    text\n    rating\n    createdAt\n    verifiedPurchase\n    hidden\n  }\n": typeof types.StaffCommentFragmentDoc,
    "\n  fragment StaffCommentProduct on Product {\n    id\n    name\n    commentCount\n    rating\n  }\n": typeof types.StaffCommentProductFragmentDoc,
    "\n  mutation HideComment($id: ID!) {\n    hideComment(id: $id) {\n      ...StaffComment\n      product {\n        ...StaffCommentProduct\n      }\n    }\n  }\n": typeof types.HideCommentDocument,
    "\n  mutation UnhideComment($id: ID!) {\n    unhideComment(id: $id) {\n      ...StaffComment\n      product {\n        ...StaffCommentProduct\n      }\n    }\n  }\n": typeof types.UnhideCommentDocument,
    "\n  query StaffCommentsPage($id: ID!, $first: Int!) {\n    product(id: $id) {\n      ...StaffCommentProduct\n      comments(first: $first) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      hiddenComments(first: $first) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": typeof types.StaffCommentsPageDocument,
    "\n  query StaffMoreComments($id: ID!, $first: Int!, $after: String!, $hidden: Boolean!) {\n    product(id: $id) {\n      id\n      comments(first: $first, after: $after) @skip(if: $hidden) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      hiddenComments(first: $first, after: $after) @include(if: $hidden) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.StaffMoreCommentsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...StaffProduct\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...StaffPromotion\n    }\n  }\n": typeof types.CreatePromotionDocument,
    "\n  fragment StaffOrder on Order {\n    id\n    customerId\n    createdAt\n    status\n    cancelledAt\n    shippedAt\n    itemCount\n    total\n  }\n": typeof types.StaffOrderFragmentDoc,
    "\n  mutation ShipOrder($id: ID!) {\n    shipOrder(id: $id) {\n      ...StaffOrder\n    }\n  }\n": typeof types.ShipOrderDocument,
    "\n  query StaffOrdersPage($status: OrderStatus, $first: Int!, $after: String) {\n    allOrders(status: $status, first: $first, after: $after) {\n      nodes {\n        ...StaffOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": typeof types.StaffOrdersPageDocument,
    "\n  fragment StaffProduct on Product {\n    id\n    name\n    code\n    price\n    stock\n    archived\n  }\n": typeof types.StaffProductFragmentDoc,
    "\n  mutation UpdateProductPrice($id: ID!, $price: Int!) {\n    updateProduct(id: $id, input: { price: $price }) {\n      ...StaffProduct\n    }\n  }\n": typeof types.UpdateProductPriceDocument,
    "\n  mutation AdjustStock($productId: ID!, $delta: Int!, $expectedStock: Int!) {\n    adjustStock(productId: $productId, delta: $delta, expectedStock: $expectedStock) {\n      ...StaffProduct\n    }\n  }\n": typeof types.AdjustStockDocument,
    "\n  mutation ArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      ...StaffProduct\n    }\n  }\n": typeof types.ArchiveProductDocument,
    "\n  mutation UnarchiveProduct($id: ID!) {\n    unarchiveProduct(id: $id) {\n      ...StaffProduct\n    }\n  }\n": typeof types.UnarchiveProductDocument,
    "\n  query StaffProductsPage($first: Int!, $after: String) {\n    products(first: $first, after: $after, includeArchived: true) {\n      nodes {\n        ...StaffProduct\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": typeof types.StaffProductsPageDocument,
    "\n  fragment StaffPromotion on Promotion {\n    code\n    kind\n    value\n    minimumSubtotal\n    startsAt\n    endsAt\n    usageLimit\n    timesUsed\n    active\n  }\n": typeof types.StaffPromotionFragmentDoc,
    "\n  mutation SetPromotionActive($code: String!, $active: Boolean!) {\n    updatePromotion(code: $code, input: { active: $active }) {\n      ...StaffPromotion\n    }\n  }\n": typeof types.SetPromotionActiveDocument,
    "\n  query StaffPromotionsPage($first: Int!, $after: String) {\n    promotions(first: $first, after: $after) {\n      nodes {\n        ...StaffPromotion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": typeof types.StaffPromotionsPageDocument,
};
const documents: Documents = {
    "\n  mutation AddToCart($productId: ID!) {\n    addToCart(productId: $productId, quantity: 1) {\n      itemCount\n    }\n  }\n": types.AddToCartDocument,
    "\n  fragment CartView on Cart {\n    items {\n      product {\n        id\n        stock\n      }\n      name\n      code\n      price\n      quantity\n      lineTotal\n    }\n    promotionCode\n    discountPercentage\n    promotionNotice\n    subtotal\n    discount\n    total\n    itemCount\n  }\n": types.CartViewFragmentDoc,
    "\n  query CartPage {\n    cart {\n      ...CartView\n    }\n  }\n": types.CartPageDocument,
    "\n  mutation UpdateCartItem($productId: ID!, $quantity: Int!) {\n    updateCartItem(productId: $productId, quantity: $quantity) {\n      ...CartView\n    }\n  }\n": types.UpdateCartItemDocument,
    "\n  mutation RemoveFromCart($productId: ID!) {\n    removeFromCart(productId: $productId) {\n      ...CartView\n    }\n  }\n": types.RemoveFromCartDocument,
    "\n  mutation ApplyPromotionCode($code: String) {\n    applyPromotionCode(code: $code) {\n      ...CartView\n    }\n  }\n": types.ApplyPromotionCodeDocument,
    "\n  mutation Checkout($idempotencyKey: String!) {\n    checkout(idempotencyKey: $idempotencyKey) {\n      id\n    }\n  }\n": types.CheckoutDocument,
    "\n  query HomePage(\n    $first: Int!\n    $after: String\n    $sort: ProductSort\n    $filter: ProductFilter\n    $signedIn: Boolean!\n  ) {\n    categories {\n      slug\n      name\n      productCount\n    }\n    products(first: $first, after: $after, sort: $sort, filter: $filter) {\n      nodes {\n        ...ProductCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": types.HomePageDocument,
    "\n  query BrowseCategories {\n    categories {\n      slug\n      name\n      productCount\n    }\n  }\n": types.BrowseCategoriesDocument,
    "\n  fragment OrderCard on Order {\n    id\n    createdAt\n    status\n    cancelledAt\n    shippedAt\n    promotionCode\n    subtotal\n    discount\n    total\n    itemCount\n    items {\n      productId\n      name\n      price\n      quantity\n      lineTotal\n    }\n  }\n": types.OrderCardFragmentDoc,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderCard\n    }\n  }\n": types.CancelOrderDocument,
    "\n  query OrdersPage($first: Int!, $after: String) {\n    orders(first: $first, after: $after) {\n      nodes {\n        ...OrderCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": types.OrdersPageDocument,
    "\n  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {\n    product(id: $id) {\n      id\n      name\n      description\n      image\n      code\n      price\n      stock\n      isSelected\n      rating\n      commentCount\n      categories {\n        slug\n        name\n      }\n      comments(first: $commentsFirst, after: $commentsAfter) {\n        nodes {\n          id\n          author\n          text\n          rating\n          createdAt\n          verifiedPurchase\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n": types.ProductPageDocument,
    "\n  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {\n    addComment(productId: $productId, text: $text, rating: $rating) {\n      id\n    }\n  }\n": types.AddCommentDocument,
    "\n  fragment ProductCard on Product {\n    id\n    name\n    image\n    price\n    stock\n    isSelected\n    rating\n    commentCount\n  }\n": types.ProductCardFragmentDoc,
    "\n  fragment StaffComment on Comment {\n    id\n    author\n    text\n    rating\n    createdAt\n    verifiedPurchase\n    hidden\n  }\n": types.StaffCommentFragmentDoc,
    "\n  fragment StaffCommentProduct on Product {\n    id\n    name\n    commentCount\n    rating\n  }\n": types.StaffCommentProductFragmentDoc,
    "\n  mutation HideComment($id: ID!) {\n    hideComment(id: $id) {\n      ...StaffComment\n      product {\n        ...StaffCommentProduct\n      }\n    }\n  }\n": types.HideCommentDocument,
    "\n  mutation UnhideComment($id: ID!) {\n    unhideComment(id: $id) {\n      ...StaffComment\n      product {\n        ...StaffCommentProduct\n      }\n    }\n  }\n": types.UnhideCommentDocument,
    "\n  query StaffCommentsPage($id: ID!, $first: Int!) {\n    product(id: $id) {\n      ...StaffCommentProduct\n      comments(first: $first) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      hiddenComments(first: $first) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": types.StaffCommentsPageDocument,
    "\n  query StaffMoreComments($id: ID!, $first: Int!, $after: String!, $hidden: Boolean!) {\n    product(id: $id) {\n      id\n      comments(first: $first, after: $after) @skip(if: $hidden) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      hiddenComments(first: $first, after: $after) @include(if: $hidden) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.StaffMoreCommentsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...StaffProduct\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...StaffPromotion\n    }\n  }\n": types.CreatePromotionDocument,
    "\n  fragment StaffOrder on Order {\n    id\n    customerId\n    createdAt\n    status\n    cancelledAt\n    shippedAt\n    itemCount\n    total\n  }\n": types.StaffOrderFragmentDoc,
    "\n  mutation ShipOrder($id: ID!) {\n    shipOrder(id: $id) {\n      ...StaffOrder\n    }\n  }\n": types.ShipOrderDocument,
    "\n  query StaffOrdersPage($status: OrderStatus, $first: Int!, $after: String) {\n    allOrders(status: $status, first: $first, after: $after) {\n      nodes {\n        ...StaffOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": types.StaffOrdersPageDocument,
    "\n  fragment StaffProduct on Product {\n    id\n    name\n    code\n    price\n    stock\n    archived\n  }\n": types.StaffProductFragmentDoc,
    "\n  mutation UpdateProductPrice($id: ID!, $price: Int!) {\n    updateProduct(id: $id, input: { price: $price }) {\n      ...StaffProduct\n    }\n  }\n": types.UpdateProductPriceDocument,
    "\n  mutation AdjustStock($productId: ID!, $delta: Int!, $expectedStock: Int!) {\n    adjustStock(productId: $productId, delta: $delta, expectedStock: $expectedStock) {\n      ...StaffProduct\n    }\n  }\n": types.AdjustStockDocument,
    "\n  mutation ArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      ...StaffProduct\n    }\n  }\n": types.ArchiveProductDocument,
    "\n  mutation UnarchiveProduct($id: ID!) {\n    unarchiveProduct(id: $id) {\n      ...StaffProduct\n    }\n  }\n": types.UnarchiveProductDocument,
    "\n  query StaffProductsPage($first: Int!, $after: String) {\n    products(first: $first, after: $after, includeArchived: true) {\n      nodes {\n        ...StaffProduct\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": types.StaffProductsPageDocument,
    "\n  fragment StaffPromotion on Promotion {\n    code\n    kind\n    value\n    minimumSubtotal\n    startsAt\n    endsAt\n    usageLimit\n    timesUsed\n    active\n  }\n": types.StaffPromotionFragmentDoc,
    "\n  mutation SetPromotionActive($code: String!, $active: Boolean!) {\n    updatePromotion(code: $code, input: { active: $active }) {\n      ...StaffPromotion\n    }\n  }\n": types.SetPromotionActiveDocument,
    "\n  query StaffPromotionsPage($first: Int!, $after: String) {\n    promotions(first: $first, after: $after) {\n      nodes {\n        ...StaffPromotion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n": types.StaffPromotionsPageDocument,
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
export function graphql(source: "\n  query HomePage(\n    $first: Int!\n    $after: String\n    $sort: ProductSort\n    $filter: ProductFilter\n    $signedIn: Boolean!\n  ) {\n    categories {\n      slug\n      name\n      productCount\n    }\n    products(first: $first, after: $after, sort: $sort, filter: $filter) {\n      nodes {\n        ...ProductCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').HomePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrowseCategories {\n    categories {\n      slug\n      name\n      productCount\n    }\n  }\n"): typeof import('./graphql').BrowseCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderCard on Order {\n    id\n    createdAt\n    status\n    cancelledAt\n    shippedAt\n    promotionCode\n    subtotal\n    discount\n    total\n    itemCount\n    items {\n      productId\n      name\n      price\n      quantity\n      lineTotal\n    }\n  }\n"): typeof import('./graphql').OrderCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...OrderCard\n    }\n  }\n"): typeof import('./graphql').CancelOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersPage($first: Int!, $after: String) {\n    orders(first: $first, after: $after) {\n      nodes {\n        ...OrderCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').OrdersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($id: ID!, $commentsFirst: Int!, $commentsAfter: String, $signedIn: Boolean!) {\n    product(id: $id) {\n      id\n      name\n      description\n      image\n      code\n      price\n      stock\n      isSelected\n      rating\n      commentCount\n      categories {\n        slug\n        name\n      }\n      comments(first: $commentsFirst, after: $commentsAfter) {\n        nodes {\n          id\n          author\n          text\n          rating\n          createdAt\n          verifiedPurchase\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart @include(if: $signedIn) {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').ProductPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($productId: ID!, $text: String!, $rating: Int) {\n    addComment(productId: $productId, text: $text, rating: $rating) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductCard on Product {\n    id\n    name\n    image\n    price\n    stock\n    isSelected\n    rating\n    commentCount\n  }\n"): typeof import('./graphql').ProductCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffComment on Comment {\n    id\n    author\n    text\n    rating\n    createdAt\n    verifiedPurchase\n    hidden\n  }\n"): typeof import('./graphql').StaffCommentFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffCommentProduct on Product {\n    id\n    name\n    commentCount\n    rating\n  }\n"): typeof import('./graphql').StaffCommentProductFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideComment($id: ID!) {\n    hideComment(id: $id) {\n      ...StaffComment\n      product {\n        ...StaffCommentProduct\n      }\n    }\n  }\n"): typeof import('./graphql').HideCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnhideComment($id: ID!) {\n    unhideComment(id: $id) {\n      ...StaffComment\n      product {\n        ...StaffCommentProduct\n      }\n    }\n  }\n"): typeof import('./graphql').UnhideCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffCommentsPage($id: ID!, $first: Int!) {\n    product(id: $id) {\n      ...StaffCommentProduct\n      comments(first: $first) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      hiddenComments(first: $first) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').StaffCommentsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffMoreComments($id: ID!, $first: Int!, $after: String!, $hidden: Boolean!) {\n    product(id: $id) {\n      id\n      comments(first: $first, after: $after) @skip(if: $hidden) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      hiddenComments(first: $first, after: $after) @include(if: $hidden) {\n        nodes {\n          ...StaffComment\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StaffMoreCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...StaffProduct\n    }\n  }\n"): typeof import('./graphql').CreateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...StaffPromotion\n    }\n  }\n"): typeof import('./graphql').CreatePromotionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffOrder on Order {\n    id\n    customerId\n    createdAt\n    status\n    cancelledAt\n    shippedAt\n    itemCount\n    total\n  }\n"): typeof import('./graphql').StaffOrderFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipOrder($id: ID!) {\n    shipOrder(id: $id) {\n      ...StaffOrder\n    }\n  }\n"): typeof import('./graphql').ShipOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffOrdersPage($status: OrderStatus, $first: Int!, $after: String) {\n    allOrders(status: $status, first: $first, after: $after) {\n      nodes {\n        ...StaffOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').StaffOrdersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffProduct on Product {\n    id\n    name\n    code\n    price\n    stock\n    archived\n  }\n"): typeof import('./graphql').StaffProductFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProductPrice($id: ID!, $price: Int!) {\n    updateProduct(id: $id, input: { price: $price }) {\n      ...StaffProduct\n    }\n  }\n"): typeof import('./graphql').UpdateProductPriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($productId: ID!, $delta: Int!, $expectedStock: Int!) {\n    adjustStock(productId: $productId, delta: $delta, expectedStock: $expectedStock) {\n      ...StaffProduct\n    }\n  }\n"): typeof import('./graphql').AdjustStockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      ...StaffProduct\n    }\n  }\n"): typeof import('./graphql').ArchiveProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnarchiveProduct($id: ID!) {\n    unarchiveProduct(id: $id) {\n      ...StaffProduct\n    }\n  }\n"): typeof import('./graphql').UnarchiveProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffProductsPage($first: Int!, $after: String) {\n    products(first: $first, after: $after, includeArchived: true) {\n      nodes {\n        ...StaffProduct\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').StaffProductsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffPromotion on Promotion {\n    code\n    kind\n    value\n    minimumSubtotal\n    startsAt\n    endsAt\n    usageLimit\n    timesUsed\n    active\n  }\n"): typeof import('./graphql').StaffPromotionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPromotionActive($code: String!, $active: Boolean!) {\n    updatePromotion(code: $code, input: { active: $active }) {\n      ...StaffPromotion\n    }\n  }\n"): typeof import('./graphql').SetPromotionActiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffPromotionsPage($first: Int!, $after: String) {\n    promotions(first: $first, after: $after) {\n      nodes {\n        ...StaffPromotion\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    cart {\n      itemCount\n    }\n  }\n"): typeof import('./graphql').StaffPromotionsPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
