import {
  ARCHIVE_BROWSE_PRODUCT,
  CREATE_BROWSE_PRODUCT,
  CREATE_CATEGORY,
  UNARCHIVE_BROWSE_PRODUCT,
  UPDATE_BROWSE_PRODUCT,
  type CategoryView,
} from './browseQueries';
import { staffMember } from './fixtures';
import { dataOf, uniqueId } from './storeApi';
import type { TestApp } from './testApp';

/**
 * The catalogues the browsing suites list: the staff operations that build one (categories,
 * products, archiving) and the 130-product catalogue that needs many pages, with its ties in
 * name and price, accents, digits and archived products.
 */

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

interface ProductAnswer extends Omit<CatalogueProduct, 'categories'> {
  categories: Array<{ slug: string }>;
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

/** The page size the browsing suites walk with. */
export const FIRST = 7;

/**
 * Registers a beforeAll that builds the 130-product catalogue through the staff API; the getters
 * answer once it has run.
 */
export function useBuiltCatalogue(app: TestApp) {
  let products: Map<string, CatalogueProduct>;
  let staffToken: string;

  beforeAll(async () => {
    staffToken = staffMember(app).token;
    products = await buildCatalogue(app, staffToken);
  }, 180_000);

  return { products: () => products, staffToken: () => staffToken };
}
