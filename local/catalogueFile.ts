import type { CreateProductInput, UpdateProductInput } from '../src/generated/graphql';

/**
 * The catalogue import's file (docs/catalogue-import.md) and what it changes:
 * `{ "categories": [...], "products": [...] }`, each category and product checked here for its
 * shape (types, required fields, duplicates), the store's own rules (lengths, ranges, slug
 * format, how many) left to the API, which reports them itself. Pure: no I/O.
 */

/** A product as the file gives it, its shape checked; strings as written (the API trims them). */
export interface ImportProduct {
  id: string;
  name: string;
  description: string | null;
  image: string | null;
  code: string;
  price: number;
  /** Units in stock for a new product (default 0); never applied to an existing one. */
  stock: number | null;
  /** The slugs of its categories; null when the file leaves them out, keeping the product's own. */
  categories: string[] | null;
}

/** One element of `products`, by its 1-based position: a product to upsert, or why it cannot be. */
export type FileEntry =
  { position: number; id: string; product: ImportProduct } | { position: number; id?: string; error: string };

/** A category as the file gives it; the name as written (the import sends it trimmed). */
export interface ImportCategory {
  slug: string;
  name: string;
}

/** One element of `categories`, by its 1-based position: a category to upsert, or why it cannot be. */
export type CategoryEntry =
  | { position: number; slug: string; category: ImportCategory }
  | { position: number; slug?: string; error: string };

/** The file, checked: `categories` is empty when the file lists none (the store's stay as they are). */
export interface CatalogueFile {
  categories: CategoryEntry[];
  products: FileEntry[];
}

/** A product as the staff API answers `product(id)`, its categories by slug. */
export type StoredProduct = Omit<ImportProduct, 'stock' | 'categories'> & {
  stock: number;
  archived: boolean;
  categories: string[];
};

export const STORED_PRODUCT_FIELDS =
  'id name description image code price stock archived categories { slug }';

/** The fields an import compares and updates, in the order the output names them. */
export const COMPARED_FIELDS = ['name', 'description', 'image', 'code', 'price', 'categories'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The whole file is unusable (not JSON, no `products` list): nothing is sent. */
export class CatalogueFileError extends Error {
  override name = 'CatalogueFileError';
}

type FieldKind = 'text' | 'optionalText' | 'integer' | 'optionalInteger' | 'slugs';
const FIELDS: Record<keyof ImportProduct, FieldKind> = {
  id: 'text',
  name: 'text',
  description: 'optionalText',
  image: 'optionalText',
  code: 'text',
  price: 'integer',
  stock: 'optionalInteger',
  categories: 'slugs',
};
const FILE_KEYS = ['categories', 'products'];
const CATEGORY_FIELDS = ['slug', 'name'];

export function parseCatalogueFile(text: string): CatalogueFile {
  let file: unknown;
  try {
    // A byte order mark, as some editors save one, is not JSON but is no reason to refuse a file.
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CatalogueFileError(`it is not JSON (${(error as Error).message})`);
  }
  if (!isObject(file) || !Array.isArray(file.products)) {
    throw new CatalogueFileError('it is not an object with a "products" list: { "products": [ … ] }');
  }
  const extra = Object.keys(file).filter((key) => !FILE_KEYS.includes(key));
  if (extra.length > 0) {
    throw new CatalogueFileError(
      `it has keys other than "categories" and "products": ${extra.map(quoted).join(', ')}`,
    );
  }
  // A list that is not one cannot be read entry by entry, and the products may need its categories.
  if (file.categories !== undefined && !Array.isArray(file.categories)) {
    throw new CatalogueFileError(
      'its "categories" is not a list: { "categories": [ { "slug", "name" } ], "products": [ … ] }',
    );
  }
  return {
    categories: onceEach(
      file.categories ?? [],
      checkCategory,
      (entry) => ('category' in entry ? entry.slug : undefined),
      (position, slug, first) => ({
        position,
        slug,
        error: `the slug is already #${first}'s: list each category once`,
      }),
    ),
    products: onceEach(
      file.products,
      checkEntry,
      (entry) => ('product' in entry ? entry.id : undefined),
      (position, id, first) => ({
        position,
        id,
        error: `the id is already #${first}'s: list each product once`,
      }),
    ),
  };
}

/** Every element checked, and a key already listed refused at its second position. */
function onceEach<Entry>(
  list: unknown[],
  check: (element: unknown, position: number) => Entry,
  keyOf: (entry: Entry) => string | undefined,
  listedTwice: (position: number, key: string, first: number) => Entry,
): Entry[] {
  const firstPositionOf = new Map<string, number>();
  return list.map((element, index) => {
    const position = index + 1;
    const entry = check(element, position);
    const key = keyOf(entry);
    if (key === undefined) return entry;
    const first = firstPositionOf.get(key);
    if (first !== undefined) return listedTwice(position, key, first);
    firstPositionOf.set(key, position);
    return entry;
  });
}

function checkCategory(element: unknown, position: number): CategoryEntry {
  if (!isObject(element)) return { position, error: 'not an object: { "slug", "name" }' };
  const slug = typeof element.slug === 'string' ? element.slug : undefined;
  const reasons = unknownFields(element, CATEGORY_FIELDS);
  if (element.slug === undefined || element.slug === null) {
    reasons.push('slug is required (the import finds categories by slug)');
  } else if (slug === undefined) reasons.push('slug must be a string');
  const nameProblem = fieldProblem('name', 'text', element.name);
  if (nameProblem) reasons.push(nameProblem);
  if (reasons.length > 0)
    return { position, ...(slug !== undefined ? { slug } : {}), error: reasons.join('; ') };
  const category = element as unknown as ImportCategory;
  return { position, slug: category.slug, category: { slug: category.slug, name: category.name } };
}

function checkEntry(element: unknown, position: number): FileEntry {
  if (!isObject(element)) {
    return { position, error: 'not an object: { "id", "name", "code", "price", … }' };
  }
  const id = typeof element.id === 'string' ? element.id : undefined;
  const reasons = unknownFields(element, Object.keys(FIELDS));
  for (const [field, kind] of Object.entries(FIELDS)) {
    const reason = fieldProblem(field, kind, element[field]);
    if (reason) reasons.push(reason);
  }
  if (reasons.length > 0) return { position, ...(id !== undefined ? { id } : {}), error: reasons.join('; ') };
  const product = element as unknown as ImportProduct;
  return {
    position,
    id: product.id,
    product: {
      id: product.id,
      name: product.name,
      description: product.description ?? null,
      image: product.image ?? null,
      code: product.code,
      price: product.price,
      stock: product.stock ?? null,
      categories: product.categories ?? null,
    },
  };
}

function unknownFields(element: Record<string, unknown>, known: string[]): string[] {
  return Object.keys(element)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown field ${quoted(key)}`);
}

function fieldProblem(field: string, kind: FieldKind, value: unknown): string | undefined {
  if (kind === 'slugs') return slugsProblem(value);
  const optional = kind === 'optionalText' || kind === 'optionalInteger';
  if (value === undefined || value === null) {
    if (optional) return undefined;
    return field === 'id' ? 'id is required (the import finds products by id)' : `${field} is required`;
  }
  if (kind === 'text' || kind === 'optionalText') {
    return typeof value === 'string' ? undefined : `${field} must be a string`;
  }
  if (typeof value === 'number' && Number.isInteger(value)) return undefined;
  return field === 'price'
    ? 'price must be a whole number of cents (1999 for 19.99)'
    : `${field} must be a whole number`;
}

function slugsProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // null could mean "none" or "as they are": the file says which with [] or by leaving it out.
  if (value === null) return 'categories cannot be null: [] for none, or leave it out to keep them';
  if (!Array.isArray(value) || !value.every((slug) => typeof slug === 'string')) {
    return 'categories must be a list of category slugs, such as ["garden"]';
  }
  const twice = value.find((slug, index) => value.indexOf(slug) !== index);
  return twice === undefined ? undefined : `categories lists ${quoted(twice as string)} twice`;
}

/** What the store keeps of an optional text: trimmed, and blank as none (src/domain/catalogue.ts). */
function stored(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** `createProduct`'s input: every field of the file, stock 0 when it gives none. */
export function creationOf(product: ImportProduct): CreateProductInput {
  const description = stored(product.description);
  const image = stored(product.image);
  return {
    id: product.id,
    name: product.name,
    ...(description !== null ? { description } : {}),
    ...(image !== null ? { image } : {}),
    code: product.code,
    price: product.price,
    stock: product.stock ?? 0,
    ...(product.categories !== null ? { categories: product.categories } : {}),
  };
}

/**
 * The fields of `wanted` that differ from the product as stored, as `updateProduct`'s input: the
 * file is the truth for every compared field, so a description or image it lacks is cleared
 * (null). Strings compare as the store keeps them (trimmed), so a re-run changes nothing. The
 * categories compare as a set, since the store answers them in its category order rather than the
 * file's, and only when the file gives them. Stock and archived are not compared: an import never
 * changes them.
 */
export function changesOf(current: StoredProduct, wanted: ImportProduct): UpdateProductInput {
  const target: Record<Exclude<ComparedField, 'categories'>, string | number | null> = {
    name: wanted.name.trim(),
    description: stored(wanted.description),
    image: stored(wanted.image),
    code: wanted.code.trim(),
    price: wanted.price,
  };
  const changes: UpdateProductInput = {};
  for (const field of COMPARED_FIELDS) {
    if (field === 'categories') {
      if (wanted.categories !== null && !sameSet(wanted.categories, current.categories))
        changes.categories = wanted.categories;
    } else if (target[field] !== current[field]) Object.assign(changes, { [field]: target[field] });
  }
  return changes;
}

function sameSet(wanted: string[], current: string[]): boolean {
  const have = new Set(current);
  return wanted.length === have.size && wanted.every((slug) => have.has(slug));
}

/** An id or slug as a report line shows it: a file's may be of any length. */
export function shownId(id: string): string {
  return id.length > 100 ? `${id.slice(0, 100)}…` : id;
}

/** Shown in messages: JSON-quoted, and cut short when long (a key is the file's, not ours). */
function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
