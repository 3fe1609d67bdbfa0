import type { CatalogueWrite, NewProduct } from '../datasources/CatalogueStore';
import type { ProductChanges } from '../datasources/productChanges';
import type { ProductRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import { amount, checkedSlug, optionalImage, optionalText, slugOf, text } from './inputRules';
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
/** Stock is answered as a GraphQL Int, like money. */
export const MAX_STOCK = MAX_AMOUNT;
/** A product's listing entries change in one transaction (datasources/productListings.ts). */
export const MAX_PRODUCT_CATEGORIES = 5;

export interface CreateProductInput {
  id?: string | null;
  name: string;
  description?: string | null;
  image?: string | null;
  code: string;
  price: number;
  stock?: number | null;
  categories?: readonly string[] | null;
}

export type UpdateProductInput = {
  [Field in keyof ProductChanges]?: ProductChanges[Field] | null;
};

export async function createProduct(
  stores: CatalogueStores,
  input: CreateProductInput,
  now: Date = new Date(),
): Promise<ProductRecord> {
  const name = text('name', input.name, 1, MAX_NAME_LENGTH);
  const id = input.id === null || input.id === undefined ? slugOf(name) : checkedSlug('id', input.id);
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
    categories: categorySlugs(input.categories ?? []),
    createdAt: now.toISOString(),
  };
  return written(stores, id, await stores.catalogue.create(product));
}

/** Absent fields stay; `null` clears `description` or `image` and is refused for the others. */
export async function updateProduct(
  stores: CatalogueStores,
  id: string,
  input: UpdateProductInput,
): Promise<ProductRecord> {
  const changes: ProductChanges = {};
  for (const field of ['name', 'code', 'price', 'categories'] as const) {
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
  if (input.categories !== undefined && input.categories !== null)
    changes.categories = categorySlugs(input.categories);
  if (Object.keys(changes).length === 0) {
    const product = await stores.products.getIncludingArchived(id);
    if (!product) throw productNotFound('id');
    return product;
  }
  return written(stores, id, await stores.catalogue.update(id, changes));
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
  return written(stores, id, await stores.catalogue.setArchived(id, archived));
}

/** The product a catalogue write answers, or why it wrote nothing. */
function written(stores: CatalogueStores, id: string, result: CatalogueWrite): ProductRecord {
  switch (result.outcome) {
    case 'written':
      stores.products.markChanged(id);
      return result.product;
    case 'notFound':
      throw productNotFound('id');
    case 'idTaken':
      throw clientError(ErrorCode.Conflict, `A product with id "${id}" already exists`, { field: 'id', id });
    case 'unknownCategory':
      throw badUserInput(`No category has the slug "${result.slug}"`, {
        field: 'categories',
        slug: result.slug,
      });
  }
}

/** At most MAX_PRODUCT_CATEGORIES slugs, none twice; that each exists, the write's transaction checks. */
function categorySlugs(slugs: readonly string[]): string[] {
  if (slugs.length > MAX_PRODUCT_CATEGORIES) {
    throw badUserInput(`A product is in at most ${MAX_PRODUCT_CATEGORIES} categories`, {
      field: 'categories',
    });
  }
  if (new Set(slugs).size !== slugs.length) {
    throw badUserInput('categories names a category twice', { field: 'categories' });
  }
  return slugs.map((slug) => checkedSlug('categories', slug));
}

function productNotFound(field: string) {
  return clientError(ErrorCode.NotFound, 'No product has that id', { field });
}
