import type { CreateProductInput, UpdateProductInput } from '../src/generated/graphql';

/**
 * The catalogue import's file (docs/catalogue-import.md) and what it changes: `{ "products": [...] }`,
 * each product checked here for its shape (types, required fields, duplicate ids), the store's
 * own rules (lengths, ranges, id format) left to the API, which reports them itself. Pure: no I/O.
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
}

/** One element of `products`, by its 1-based position: a product to upsert, or why it cannot be. */
export type FileEntry =
  { position: number; id: string; product: ImportProduct } | { position: number; id?: string; error: string };

/** A product as the staff API answers `product(id)` with STORED_PRODUCT_FIELDS. */
export type StoredProduct = Omit<ImportProduct, 'stock'> & { stock: number; archived: boolean };

export const STORED_PRODUCT_FIELDS = 'id name description image code price stock archived';

/** The fields an import compares and updates, in the order the output names them. */
export const COMPARED_FIELDS = ['name', 'description', 'image', 'code', 'price'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The whole file is unusable (not JSON, no `products` list): nothing is sent. */
export class CatalogueFileError extends Error {
  override name = 'CatalogueFileError';
}

type FieldKind = 'text' | 'optionalText' | 'integer' | 'optionalInteger';
const FIELDS: Record<keyof ImportProduct, FieldKind> = {
  id: 'text',
  name: 'text',
  description: 'optionalText',
  image: 'optionalText',
  code: 'text',
  price: 'integer',
  stock: 'optionalInteger',
};

export function parseCatalogueFile(text: string): FileEntry[] {
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
  const extra = Object.keys(file).filter((key) => key !== 'products');
  if (extra.length > 0) {
    throw new CatalogueFileError(`it has keys other than "products": ${extra.map(quoted).join(', ')}`);
  }
  const firstPositionOf = new Map<string, number>();
  return file.products.map((element: unknown, index): FileEntry => {
    const position = index + 1;
    const entry = checkEntry(element, position);
    if (!('product' in entry)) return entry;
    const first = firstPositionOf.get(entry.id);
    if (first !== undefined) {
      return { position, id: entry.id, error: `the id is already #${first}'s: list each product once` };
    }
    firstPositionOf.set(entry.id, position);
    return entry;
  });
}

function checkEntry(element: unknown, position: number): FileEntry {
  if (!isObject(element)) {
    return { position, error: 'not an object: { "id", "name", "code", "price", … }' };
  }
  const id = typeof element.id === 'string' ? element.id : undefined;
  const reasons = Object.keys(element)
    .filter((key) => !Object.hasOwn(FIELDS, key))
    .map((key) => `unknown field ${quoted(key)}`);
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
    },
  };
}

function fieldProblem(field: string, kind: FieldKind, value: unknown): string | undefined {
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
  };
}

/**
 * The fields of `wanted` that differ from the product as stored, as `updateProduct`'s input: the
 * file is the truth for every compared field, so a description or image it lacks is cleared
 * (null). Strings compare as the store keeps them (trimmed), so a re-run changes nothing. Stock
 * and archived are not compared: an import never changes them.
 */
export function changesOf(current: StoredProduct, wanted: ImportProduct): UpdateProductInput {
  const target: Record<ComparedField, string | number | null> = {
    name: wanted.name.trim(),
    description: stored(wanted.description),
    image: stored(wanted.image),
    code: wanted.code.trim(),
    price: wanted.price,
  };
  const changes: UpdateProductInput = {};
  for (const field of COMPARED_FIELDS) {
    if (target[field] !== current[field]) Object.assign(changes, { [field]: target[field] });
  }
  return changes;
}

/** Shown in messages: JSON-quoted, and cut short when long (a key is the file's, not ours). */
function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
