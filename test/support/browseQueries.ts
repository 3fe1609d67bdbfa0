import { as } from './catalogue';
import { dataOf } from './storeApi';
import type { GraphQLResponse, TestApp } from './testApp';

/**
 * Catalogue browsing (sorts, filters, categories) as the API is asked: the GraphQL documents of
 * the listings and of the staff's category and product operations, the reads that list the
 * catalogue, and the pager that walks a listing page after page.
 */

export type ProductSort = 'NAME' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';
export const SORTS: ProductSort[] = ['NAME', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST'];

export interface ProductFilter {
  category?: string;
  search?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

const BROWSE_FIELDS = 'id name price stock archived createdAt categories { slug }';
const CONNECTION = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor }';

export const BROWSE_QUERY = `query Browse($first: Int, $after: String, $sort: ProductSort, $filter: ProductFilter, $includeArchived: Boolean) {
  products(first: $first, after: $after, sort: $sort, filter: $filter, includeArchived: $includeArchived) { ${CONNECTION} }
}`;
export const CATEGORY_BROWSE_QUERY = `query CategoryBrowse($slug: ID!, $first: Int, $after: String, $sort: ProductSort, $filter: ProductFilter) {
  category(slug: $slug) { products(first: $first, after: $after, sort: $sort, filter: $filter) { ${CONNECTION} } }
}`;
export const CATEGORIES_QUERY = '{ categories { slug name productCount } }';
export const CATEGORY_QUERY = 'query C($slug: ID!) { category(slug: $slug) { slug name productCount } }';
export const PRODUCT_CATEGORIES_QUERY =
  'query P($id: ID!) { product(id: $id) { id categories { slug name } createdAt } }';
export const CREATE_CATEGORY =
  'mutation C($input: CreateCategoryInput!) { createCategory(input: $input) { slug name productCount } }';
export const RENAME_CATEGORY =
  'mutation R($slug: ID!, $name: String!) { renameCategory(slug: $slug, name: $name) { slug name productCount } }';
export const REORDER_CATEGORIES =
  'mutation O($slugs: [ID!]!) { reorderCategories(slugs: $slugs) { slug name productCount } }';
export const DELETE_CATEGORY = 'mutation D($slug: ID!) { deleteCategory(slug: $slug) { slug name } }';
export const CREATE_BROWSE_PRODUCT = `mutation Create($input: CreateProductInput!) { createProduct(input: $input) { ${BROWSE_FIELDS} } }`;
export const UPDATE_BROWSE_PRODUCT = `mutation Update($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${BROWSE_FIELDS} } }`;
export const ARCHIVE_BROWSE_PRODUCT = `mutation Archive($id: ID!) { archiveProduct(id: $id) { ${BROWSE_FIELDS} } }`;
export const UNARCHIVE_BROWSE_PRODUCT = `mutation Unarchive($id: ID!) { unarchiveProduct(id: $id) { ${BROWSE_FIELDS} } }`;

export interface CategoryView {
  slug: string;
  name: string;
  productCount: number;
}

export interface BrowsePage {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type BrowseVariables = {
  first?: number;
  after?: string | null;
  sort?: ProductSort;
  filter?: ProductFilter;
  includeArchived?: boolean;
};

// ---- the listing, read through the API ----------------------------------------------------------

export function browse(app: TestApp, variables: BrowseVariables, token?: string) {
  return app.graphql<{ products: BrowsePage }>({ query: BROWSE_QUERY, variables }, as(token));
}

export function browseCategory(app: TestApp, slug: string, variables: BrowseVariables, token?: string) {
  return app.graphql<{ category: { products: BrowsePage } | null }>(
    { query: CATEGORY_BROWSE_QUERY, variables: { slug, ...variables } },
    as(token),
  );
}

/** A page of `products` that must be answered. */
export async function productsPage(app: TestApp, variables: BrowseVariables, token?: string) {
  return dataOf(await browse(app, variables, token)).products;
}

/** A page of `category(slug).products` that must be answered. */
export async function categoryPage(app: TestApp, slug: string, variables: BrowseVariables) {
  const { category } = dataOf(await browseCategory(app, slug, variables));
  if (!category) throw new Error(`No category ${slug}`);
  return category.products;
}

export interface Walk {
  ids: string[];
  cursors: string[];
  shape: Array<[number, boolean]>;
  /** Pages whose endCursor is not their last edge's cursor (null on an empty page). */
  badEndCursors: number;
}

/** Every page from the first, following `pageInfo.endCursor` while `hasNextPage`. */
export async function walk(read: (after: string | null) => Promise<BrowsePage>): Promise<Walk> {
  const result: Walk = { ids: [], cursors: [], shape: [], badEndCursors: 0 };
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await read(after);
    result.ids.push(...page.edges.map((edge) => edge.node.id));
    result.cursors.push(...page.edges.map((edge) => edge.cursor));
    result.shape.push([page.edges.length, page.pageInfo.hasNextPage]);
    if (page.pageInfo.endCursor !== (page.edges.at(-1)?.cursor ?? null)) result.badEndCursors += 1;
    if (!page.pageInfo.hasNextPage) return result;
    after = page.pageInfo.endCursor;
  }
  throw new Error('More than 500 pages: the walk does not end');
}

/** Every id of `products` in `sort` order narrowed by `filter`, read in pages of `first`. */
export function walkProducts(
  app: TestApp,
  variables: Omit<BrowseVariables, 'after'>,
  token?: string,
): Promise<Walk> {
  return walk((after) => productsPage(app, { ...variables, after }, token));
}

export function walkCategory(app: TestApp, slug: string, variables: Omit<BrowseVariables, 'after'>) {
  return walk((after) => categoryPage(app, slug, { ...variables, after }));
}

/** The ids of the whole listing (pages of 100) as the caller sees it. */
export async function listing(app: TestApp, sort: ProductSort, filter?: ProductFilter): Promise<string[]> {
  return (await walkProducts(app, { first: 100, sort, filter })).ids;
}

// ---- the categories, read through the API -------------------------------------------------------

/** `category(slug)`, or null when no category has that slug. */
export async function categoryOf(app: TestApp, slug: string): Promise<CategoryView | null> {
  const response = await app.graphql<{ category: CategoryView | null }>({
    query: CATEGORY_QUERY,
    variables: { slug },
  });
  return dataOf(response).category;
}

/** The slugs of a product's categories, as `Product.categories` lists them. */
export async function productCategorySlugs(app: TestApp, id: string): Promise<string[]> {
  const response = await app.graphql<{ product: { categories: Array<{ slug: string }> } | null }>({
    query: PRODUCT_CATEGORIES_QUERY,
    variables: { id },
  });
  return (dataOf(response).product?.categories ?? []).map((category) => category.slug);
}

export async function categoriesOf(app: TestApp): Promise<CategoryView[]> {
  return dataOf(await app.graphql<{ categories: CategoryView[] }>({ query: CATEGORIES_QUERY })).categories;
}

/** The response's error codes and whether it answered data, for refusal assertions. */
export function refusal(response: GraphQLResponse<unknown>) {
  return {
    codes: (response.body.errors ?? []).map((error) => error.extensions?.code),
    data: response.body.data ?? null,
  };
}
