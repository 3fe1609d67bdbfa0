import type { NewProduct, ProductChanges } from '../datasources/CatalogueStore';
import type { ProductRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import { MAX_AMOUNT } from './pricing';
import type { Catalogue, Products } from './ports';

/**
 * The staff's catalogue operations: every input is checked before anything is written, and each
 * change is one conditional write (CatalogueStore), so a refused one changes nothing. The caller
 * is known to be staff (resolvers/caller.ts).
 */
export interface CatalogueStores {
  catalogue: Catalogue;
  products: Pick<Products, 'getIncludingArchived' | 'markChanged'>;
}

const MAX_NAME_LENGTH = 200;
const MAX_CODE_LENGTH = 64;
const MAX_DESCRIPTION_LENGTH = 5000;
const MAX_IMAGE_LENGTH = 2048;
const MAX_ID_LENGTH = 100;
/** Stock is answered as a GraphQL Int, like money. */
export const MAX_STOCK = MAX_AMOUNT;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CreateProductInput {
  id?: string | null;
  name: string;
  description?: string | null;
  image?: string | null;
  code: string;
  price: number;
  stock?: number | null;
}

export type UpdateProductInput = {
  [Field in keyof ProductChanges]?: ProductChanges[Field] | null;
};

export async function createProduct(
  stores: CatalogueStores,
  input: CreateProductInput,
): Promise<ProductRecord> {
  const name = text('name', input.name, 1, MAX_NAME_LENGTH);
  const id = input.id === null || input.id === undefined ? slugOf(name) : checkedId(input.id);
  const description = optionalText('description', input.description, MAX_DESCRIPTION_LENGTH);
  const image = optionalImage(input.image);
  const product: NewProduct = {
    id,
    name,
    ...(description ? { description } : {}),
    ...(image ? { image } : {}),
    code: text('code', input.code, 1, MAX_CODE_LENGTH),
    price: amount('price', input.price, MAX_AMOUNT),
    stock: amount('stock', input.stock ?? 0, MAX_STOCK),
  };
  const created = await stores.catalogue.create(product);
  if (!created)
    throw clientError(ErrorCode.Conflict, `A product with id "${id}" already exists`, { field: 'id', id });
  stores.products.markChanged(id);
  return created;
}

/** Absent fields stay; `null` clears `description` or `image` and is refused for the others. */
export async function updateProduct(
  stores: CatalogueStores,
  id: string,
  input: UpdateProductInput,
): Promise<ProductRecord> {
  const changes: ProductChanges = {};
  for (const field of ['name', 'code', 'price'] as const) {
    if (input[field] === null) throw badUserInput(`${field} cannot be cleared`, { field });
  }
  if (input.name !== undefined && input.name !== null)
    changes.name = text('name', input.name, 1, MAX_NAME_LENGTH);
  if (input.code !== undefined && input.code !== null)
    changes.code = text('code', input.code, 1, MAX_CODE_LENGTH);
  if (input.price !== undefined && input.price !== null)
    changes.price = amount('price', input.price, MAX_AMOUNT);
  if (input.description !== undefined) {
    changes.description = optionalText('description', input.description, MAX_DESCRIPTION_LENGTH) ?? null;
  }
  if (input.image !== undefined) changes.image = optionalImage(input.image) ?? null;
  const updated =
    Object.keys(changes).length > 0
      ? await stores.catalogue.update(id, changes)
      : await stores.products.getIncludingArchived(id);
  if (!updated) throw productNotFound('id');
  stores.products.markChanged(id);
  return updated;
}

/** Compare-and-swap when `expectedStock` is given (as Shopify's `changeFromQuantity`). */
export async function adjustStock(
  stores: CatalogueStores,
  productId: string,
  delta: number,
  expectedStock?: number | null,
): Promise<ProductRecord> {
  if (!Number.isInteger(delta) || delta === 0)
    throw badUserInput('delta must be a whole number other than 0', { field: 'delta' });
  if (expectedStock !== null && expectedStock !== undefined)
    amount('expectedStock', expectedStock, MAX_STOCK);
  const result = await stores.catalogue.adjustStock(productId, delta, {
    expectedStock: expectedStock ?? undefined,
    maxStock: MAX_STOCK,
  });
  switch (result.outcome) {
    case 'adjusted':
      stores.products.markChanged(productId);
      return result.product;
    case 'notFound':
      throw productNotFound('productId');
    case 'stockMoved':
      throw clientError(
        ErrorCode.Conflict,
        `The stock is ${result.actualStock}, not the expected ${expectedStock}`,
        {
          field: 'expectedStock',
          actualStock: result.actualStock,
        },
      );
    case 'outOfRange':
      throw badUserInput(
        delta < 0
          ? `Only ${result.actualStock} in stock: cannot remove ${-delta}`
          : `Stock cannot exceed ${MAX_STOCK}`,
        { field: 'delta', actualStock: result.actualStock },
      );
  }
}

export async function setArchived(
  stores: CatalogueStores,
  id: string,
  archived: boolean,
): Promise<ProductRecord> {
  const product = await stores.catalogue.setArchived(id, archived);
  if (!product) throw productNotFound('id');
  stores.products.markChanged(id);
  return product;
}

function productNotFound(field: string) {
  return clientError(ErrorCode.NotFound, 'No product has that id', { field });
}

/** Trimmed, then `min..max` code points (as comments count them). */
function text(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < min || length > max) {
    throw badUserInput(`${field} must be ${min} to ${max} characters after trimming`, { field });
  }
  return trimmed;
}

/** Absent, null or blank is "none". */
function optionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  return text(field, value, 1, max);
}

/** An absolute http(s) URL or a path from the site's root: never `javascript:` or `data:`. */
function optionalImage(value: string | null | undefined): string | undefined {
  const image = optionalText('image', value, MAX_IMAGE_LENGTH);
  if (image === undefined) return undefined;
  // A path from the root; never `//host` or `/\host`, which browsers load from another site.
  if (/^\/(?![/\\])/.test(image) && !image.includes('\\')) return image;
  try {
    const url = new URL(image);
    if (url.protocol === 'https:' || url.protocol === 'http:') return image;
  } catch {
    // Not a URL: refused below.
  }
  throw badUserInput('image must be an http(s) URL or a path starting with /', { field: 'image' });
}

function amount(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badUserInput(`${field} must be a whole number from 0 to ${max}`, { field });
  }
  return value;
}

function checkedId(id: string): string {
  if (id.length > MAX_ID_LENGTH || !SLUG.test(id)) {
    throw badUserInput(`id must be at most ${MAX_ID_LENGTH} characters of a-z, 0-9 and single dashes`, {
      field: 'id',
    });
  }
  return id;
}

/** "Lonely Bird (XL)" → "lonely-bird-xl": accents dropped, anything else between words a dash. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  if (!slug)
    throw badUserInput('name has no letters or digits to make an id from: give an id', { field: 'id' });
  return slug;
}
