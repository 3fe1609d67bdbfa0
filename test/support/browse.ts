import { as } from './catalogue';
import { dataOf, uniqueId } from './storeApi';
import type { GraphQLResponse, TestApp } from './testApp';

/**
 * Catalogue browsing (sorts, filters, categories): the staff operations that build a catalogue,
 * the reads that list it, and the same listing computed in memory from what was created, so a
 * suite compares what the API pages through with what it must be.
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

/** A product as the browsing suites know it: what createProduct answered, kept up to date. */
export interface CatalogueProduct {
  id: string;
  name: string;
  price: number;
  stock: number;
  archived: boolean;
  createdAt: string;
  categories: string[];
}

export interface CategorySpec {
  slug: string;
  name: string;
}

export interface NewProduct {
  id: string;
  name: string;
  price: number;
  stock: number;
  categories: string[];
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

interface ProductAnswer extends Omit<CatalogueProduct, 'categories'> {
  categories: Array<{ slug: string }>;
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

// ---- the listing, computed in memory ----------------------------------------------------------

/** A name as the store orders and searches it: NFKD, combining marks removed, lower case. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text once folded: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** DynamoDB's order of strings: their UTF-8 bytes. */
function bytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function compareBy(sort: ProductSort): (a: CatalogueProduct, b: CatalogueProduct) => number {
  switch (sort) {
    case 'NAME':
      return (a, b) => bytes(fold(a.name), fold(b.name)) || bytes(a.id, b.id);
    case 'PRICE_ASC':
      return (a, b) => a.price - b.price || bytes(a.id, b.id);
    case 'PRICE_DESC':
      return (a, b) => b.price - a.price || bytes(b.id, a.id);
    case 'NEWEST':
      return (a, b) => bytes(b.createdAt, a.createdAt) || bytes(b.id, a.id);
  }
}

export function matches(product: CatalogueProduct, filter: ProductFilter): boolean {
  const { category, search, minPrice, maxPrice, inStock } = filter;
  if (category !== undefined && !product.categories.includes(category)) return false;
  if (minPrice !== undefined && product.price < minPrice) return false;
  if (maxPrice !== undefined && product.price > maxPrice) return false;
  if (inStock !== undefined && product.stock > 0 !== inStock) return false;
  if (search !== undefined) {
    const words = wordsOf(product.name);
    return wordsOf(search).every((term) => words.some((word) => word.startsWith(term)));
  }
  return true;
}

/** The ids a shopper must be listed, in order: live products matching `filter`, in `sort` order. */
export function expectedIds(
  products: Iterable<CatalogueProduct>,
  sort: ProductSort,
  filter: ProductFilter = {},
): string[] {
  return [...products]
    .filter((product) => !product.archived && matches(product, filter))
    .sort(compareBy(sort))
    .map((product) => product.id);
}

/** What a walk of `count` items in pages of `first` looks like: each page's size and hasNextPage. */
export function expectedShape(count: number, first: number): Array<[number, boolean]> {
  if (count === 0) return [[0, false]];
  const shape: Array<[number, boolean]> = [];
  for (let start = 0; start < count; start += first) {
    shape.push([Math.min(first, count - start), start + first < count]);
  }
  return shape;
}

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

// ---- the staff operations that build a catalogue ------------------------------------------------

function productOf(answer: ProductAnswer): CatalogueProduct {
  return { ...answer, categories: answer.categories.map((category) => category.slug) };
}

/** Categories created one after the other, so the store's order is the order given. */
export async function createCategories(app: TestApp, token: string, specs: CategorySpec[]) {
  const created: CategoryView[] = [];
  for (const input of specs) {
    const response = await app.graphql<{ createCategory: CategoryView }>(
      { query: CREATE_CATEGORY, variables: { input } },
      { token },
    );
    created.push(dataOf(response).createCategory);
  }
  return created;
}

/** `count` categories no other test uses, created after the others: their slugs. */
export async function newCategories(app: TestApp, token: string, count: number, prefix: string) {
  const specs = Array.from({ length: count }, (_, index) => ({
    slug: uniqueId(prefix),
    name: `Shelf ${index}`,
  }));
  return (await createCategories(app, token, specs)).map((category) => category.slug);
}

/** A product no other test uses, in stock, on these shelves. */
export function shelvedProduct(app: TestApp, token: string, categories: string[]) {
  return createProduct(app, token, {
    id: uniqueId('shelved'),
    name: 'Shelved Thing',
    price: 100,
    stock: 3,
    categories,
  });
}

export async function createProduct(app: TestApp, token: string, input: NewProduct) {
  const response = await app.graphql<{ createProduct: ProductAnswer }>(
    { query: CREATE_BROWSE_PRODUCT, variables: { input: { code: input.id.toUpperCase(), ...input } } },
    { token },
  );
  return productOf(dataOf(response).createProduct);
}

/** Products created `concurrency` at a time, chunk after chunk: later chunks are newer. */
export async function createProducts(
  app: TestApp,
  token: string,
  inputs: NewProduct[],
  concurrency = 10,
): Promise<CatalogueProduct[]> {
  const created: CatalogueProduct[] = [];
  for (let start = 0; start < inputs.length; start += concurrency) {
    const chunk = inputs.slice(start, start + concurrency);
    created.push(...(await Promise.all(chunk.map((input) => createProduct(app, token, input)))));
  }
  return created;
}

export async function updateProduct(app: TestApp, token: string, id: string, input: Record<string, unknown>) {
  const response = await app.graphql<{ updateProduct: ProductAnswer }>(
    { query: UPDATE_BROWSE_PRODUCT, variables: { id, input } },
    { token },
  );
  return productOf(dataOf(response).updateProduct);
}

export async function setArchived(app: TestApp, token: string, id: string, archived: boolean) {
  const query = archived ? ARCHIVE_BROWSE_PRODUCT : UNARCHIVE_BROWSE_PRODUCT;
  const response = await app.graphql<Record<string, ProductAnswer>>({ query, variables: { id } }, { token });
  return productOf(Object.values(dataOf(response))[0] as ProductAnswer);
}

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

// ---- a catalogue that needs many pages ----------------------------------------------------------

export const CATEGORIES: CategorySpec[] = [
  { slug: 'garden', name: 'Garden' },
  { slug: 'kitchen', name: 'Kitchen' },
  { slug: 'lighting', name: 'Lighting' },
  { slug: 'toys', name: 'Toys' },
  { slug: 'gifts', name: 'Gifts' },
  { slug: 'attic', name: 'Attic (archived only)' },
  { slug: 'empty-shelf', name: 'Empty Shelf' },
];

const ADJECTIVES = [
  'Lonely',
  'Amber',
  'Brass',
  'Copper',
  'Delta',
  'Orbit',
  'Kite',
  'Zinc',
  'Velvet',
  'Quiet',
];
const NOUNS = ['Bird', 'Lamp', 'Vase', 'Mug', 'Tray', 'Frame', 'Bell', 'Rug', 'Bowl', 'Clock', 'Jar'];
/** Ties in price on purpose: several products share each of these. */
export const PRICES = [0, 499, 999, 999, 1500, 2500, 2500, 4999, 12000, 2147483647, 999, 2500, 1];

/** A word of 34 letters: a search may name its first 30. */
export const LONG_WORD = 'Supercalifragilisticexpialidocious';

/** Names that fold alike, or that fold to letters beyond `z`, or hold digits, ligatures and long words. */
const SPECIAL_NAMES = [
  ...['Éclair Tin', 'Eclair Tin', 'éclair tin', 'ECLAIR TIN', 'Ébène Box', 'Ebene Box'],
  ...['Crème Brûlée Mug', 'Creme Brulee Mug', 'Øresund Print', 'Ångström Ruler', 'Straße Sign'],
  ...['ﬁne Wine Glass', 'Model 2000 Lamp', 'Lamp 2 Go', '10 Pegs', 'zebra rug', 'Zebra Rug'],
  ...[`${LONG_WORD} Umbrella Stand`, 'Lonely Bird', 'Lonely-Bird (Blue)'],
];

/** An id unlike the creation order and the name order: `item-000` to `item-996`. */
function idOf(index: number): string {
  return `item-${String((index * 53) % 997).padStart(3, '0')}`;
}

function categoriesOfIndex(index: number): string[] {
  const categories: string[] = [];
  if (index % 2 === 0) categories.push('garden');
  if (index % 3 === 0) categories.push('kitchen');
  if (index % 5 === 1) categories.push('lighting');
  if (index % 7 === 3) categories.push('toys');
  return categories;
}

/** The products of a browsing catalogue: `size` of them, and which of them staff then archive. */
export function catalogueInputs(size = 130): { inputs: NewProduct[]; archivedIds: string[] } {
  const names = [
    ...SPECIAL_NAMES,
    ...Array.from(
      { length: size - SPECIAL_NAMES.length },
      (_, index) =>
        `${ADJECTIVES[index % ADJECTIVES.length]} ${NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]}`,
    ),
  ];
  const inputs = names.map((name, index) => ({
    id: idOf(index),
    name,
    price: PRICES[(index * 7) % PRICES.length] ?? 0,
    stock: index % 6 === 0 ? 0 : (index % 9) + 1,
    categories: categoriesOfIndex(index),
  }));
  // One product in the five shelves a product may be on; the attic holds only an archived one.
  inputs[1] = {
    ...(inputs[1] as NewProduct),
    categories: ['garden', 'kitchen', 'lighting', 'toys', 'gifts'],
  };
  inputs[5] = { ...(inputs[5] as NewProduct), categories: ['attic', 'gifts'] };
  // Archived: the attic's product, one of the two "Lonely Bird"s and every 13th of the others.
  const archived = (index: number) =>
    index === 5 || index === 18 || (index >= SPECIAL_NAMES.length && index % 13 === 6);
  const archivedIds = inputs.filter((_, index) => archived(index)).map((input) => input.id);
  return { inputs, archivedIds };
}

/** Builds the catalogue through the staff API; returns every product as it now is. */
export async function buildCatalogue(app: TestApp, token: string, size = 130) {
  await createCategories(app, token, CATEGORIES);
  const { inputs, archivedIds } = catalogueInputs(size);
  const created = await createProducts(app, token, inputs);
  const products = new Map(created.map((product) => [product.id, product]));
  await Promise.all(archivedIds.map(async (id) => products.set(id, await setArchived(app, token, id, true))));
  return products;
}

/** The response's error codes and whether it answered data, for refusal assertions. */
export function refusal(response: GraphQLResponse<unknown>) {
  return {
    codes: (response.body.errors ?? []).map((error) => error.extensions?.code),
    data: response.body.data ?? null,
  };
}
