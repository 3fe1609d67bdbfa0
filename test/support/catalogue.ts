import type { ProductRecord } from '../../src/datasources/models';
import { CART_QUERY, dataOf, type CartData } from './storeApi';
import type { GraphQLResponse, TestApp } from './testApp';

/**
 * The staff's catalogue operations (createProduct, updateProduct, adjustStock, archiveProduct,
 * unarchiveProduct), the reads that show their effect, and helpers shared by the catalogue suites.
 */

export const PRODUCT_FIELDS = 'id name description image code price stock archived';

/** A product as the API answers it with PRODUCT_FIELDS. */
export interface ProductView {
  id: string;
  name: string;
  description: string | null;
  image: string | null;
  code: string;
  price: number;
  stock: number;
  archived: boolean;
}

export const CREATE_PRODUCT = `mutation Create($input: CreateProductInput!) {
  createProduct(input: $input) { ${PRODUCT_FIELDS} }
}`;
export const UPDATE_PRODUCT = `mutation Update($id: ID!, $input: UpdateProductInput!) {
  updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} }
}`;
export const ADJUST_STOCK = `mutation Adjust($productId: ID!, $delta: Int!, $expectedStock: Int) {
  adjustStock(productId: $productId, delta: $delta, expectedStock: $expectedStock) { ${PRODUCT_FIELDS} }
}`;
export const ARCHIVE_PRODUCT = `mutation Archive($id: ID!) { archiveProduct(id: $id) { ${PRODUCT_FIELDS} } }`;
export const UNARCHIVE_PRODUCT = `mutation Unarchive($id: ID!) { unarchiveProduct(id: $id) { ${PRODUCT_FIELDS} } }`;
export const PRODUCT_QUERY = `query Product($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} } }`;
export const PRODUCTS_QUERY = `query Products($first: Int, $after: String, $includeArchived: Boolean) {
  products(first: $first, after: $after, includeArchived: $includeArchived) {
    edges { cursor node { id name archived } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface CreateProductData {
  createProduct: ProductView;
}
export interface UpdateProductData {
  updateProduct: ProductView;
}
export interface AdjustStockData {
  adjustStock: ProductView;
}
export interface ArchiveProductData {
  archiveProduct: ProductView;
}
export interface UnarchiveProductData {
  unarchiveProduct: ProductView;
}
export interface ProductData {
  product: ProductView | null;
}
export interface ProductsPage {
  edges: Array<{ cursor: string; node: { id: string; name: string; archived: boolean } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface ProductsData {
  products: ProductsPage;
}

/** Options for `app.graphql`: signed in with `token`, or anonymous without one. */
export function as(token: string | undefined): { token?: string } {
  return token ? { token } : {};
}

/** What the API answers for a stored product (PRODUCT_FIELDS). */
export function viewOf(product: ProductRecord): ProductView {
  return {
    id: product.id,
    name: product.name,
    description: product.description ?? null,
    image: product.image ?? null,
    code: product.code,
    price: product.price,
    stock: product.stock,
    archived: product.archived,
  };
}

/** `product(id)` as the caller sees it (null when absent, or archived for anyone but staff). */
export async function productAs(app: TestApp, id: string, token?: string): Promise<ProductView | null> {
  return dataOf(await app.graphql<ProductData>({ query: PRODUCT_QUERY, variables: { id } }, as(token)))
    .product;
}

export function listProducts(
  app: TestApp,
  variables: { first?: number; after?: string | null; includeArchived?: boolean },
  token?: string,
): Promise<GraphQLResponse<ProductsData>> {
  return app.graphql<ProductsData>({ query: PRODUCTS_QUERY, variables }, as(token));
}

/** Every product id of the listing as the caller sees it, in order, read in pages of 100. */
export async function listedIds(app: TestApp, token?: string, includeArchived = false): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: ProductsPage = dataOf(
      await listProducts(app, { first: 100, after, includeArchived }, token),
    ).products;
    ids.push(...page.edges.map((edge) => edge.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return ids;
}

/** The caller's cart as the API prices it now, from the current catalogue. */
export async function cartOf(app: TestApp, token: string): Promise<CartData['cart']> {
  return dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;
}

/** The product's item in the products table, as stored (undefined when there is none). */
export async function storedProduct(app: TestApp, id: string): Promise<Record<string, unknown> | undefined> {
  return (await app.scan('products')).find((item) => item.id === id);
}
