import type { CategoryWrite } from '../datasources/CategoryStore';
import type { CategoryRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode, truncate } from '../shared/errors';
import { checkedSlug, slugOf, text } from './inputRules';
import type { Categories } from './ports';

/**
 * The staff's category operations: each input is checked before anything is written, and each
 * change is one conditional write or one transaction, so a refused one changes nothing. A
 * product's membership is the product's own field (catalogue.ts); the counters follow it there.
 */
const MAX_CATEGORY_NAME_LENGTH = 100;

export interface CreateCategoryInput {
  slug?: string | null;
  name: string;
}

export async function createCategory(
  categories: Categories,
  input: CreateCategoryInput,
): Promise<CategoryRecord> {
  const name = text('name', input.name, 1, MAX_CATEGORY_NAME_LENGTH);
  const slug =
    input.slug === null || input.slug === undefined ? slugOf(name, 'slug') : checkedSlug('slug', input.slug);
  const result = await categories.create(slug, name);
  if (result.outcome === 'full') {
    throw badUserInput('The store has as many categories as it may: delete one first', { field: 'slug' });
  }
  return written(result, slug);
}

export async function renameCategory(
  categories: Categories,
  slug: string,
  name: string,
): Promise<CategoryRecord> {
  return written(await categories.rename(slug, text('name', name, 1, MAX_CATEGORY_NAME_LENGTH)), slug);
}

/** `slugs` must name every category exactly once: a partial order would leave the others nowhere. */
export async function reorderCategories(
  categories: Categories,
  slugs: readonly string[],
): Promise<CategoryRecord[]> {
  const existing = await categories.listLatest();
  const known = new Set(existing.map((category) => category.slug));
  const unknown = slugs.find((slug) => !known.has(slug));
  if (unknown !== undefined) {
    throw badUserInput(`No category has the slug "${truncate(unknown)}"`, { field: 'slugs' });
  }
  if (new Set(slugs).size !== slugs.length)
    throw badUserInput('slugs names a category twice', { field: 'slugs' });
  if (slugs.length !== existing.length) {
    throw badUserInput(`slugs must name all ${existing.length} categories`, { field: 'slugs' });
  }
  // No category, nothing to order: no write (a transaction of no items is not a DynamoDB request).
  if (slugs.length === 0) return [];
  if (!(await categories.reorder(slugs))) {
    throw clientError(ErrorCode.Conflict, 'A category was deleted meanwhile; read the categories again', {
      field: 'slugs',
    });
  }
  const bySlug = new Map(existing.map((category) => [category.slug, category]));
  return slugs.map((slug, position) => ({ ...bySlug.get(slug)!, position }));
}

export async function deleteCategory(categories: Categories, slug: string): Promise<CategoryRecord> {
  return written(await categories.delete(slug), slug);
}

function written(result: CategoryWrite, slug: string): CategoryRecord {
  switch (result.outcome) {
    case 'written':
      return result.category;
    case 'notFound':
      throw clientError(ErrorCode.NotFound, 'No category has that slug', { field: 'slug' });
    case 'slugTaken':
      throw clientError(ErrorCode.Conflict, `A category with slug "${slug}" already exists`, {
        field: 'slug',
      });
    case 'notEmpty':
      throw clientError(ErrorCode.Conflict, 'Products are still in this category: take them out first', {
        field: 'slug',
      });
  }
}
