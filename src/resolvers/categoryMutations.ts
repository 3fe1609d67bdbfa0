import { createCategory, deleteCategory, renameCategory, reorderCategories } from '../domain/categories';
import type { MutationResolvers } from '../generated/graphql';
import { requireStaff } from './caller';

/** The back office's categories: staff only, checked before any read; rules in domain/categories.ts. */
export const categoryMutations: Pick<
  MutationResolvers,
  'createCategory' | 'renameCategory' | 'reorderCategories' | 'deleteCategory'
> = {
  createCategory: (_parent, { input }, ctx) => {
    requireStaff(ctx);
    return createCategory(ctx.categories, input);
  },
  renameCategory: (_parent, { slug, name }, ctx) => {
    requireStaff(ctx);
    return renameCategory(ctx.categories, slug, name);
  },
  reorderCategories: (_parent, { slugs }, ctx) => {
    requireStaff(ctx);
    return reorderCategories(ctx.categories, slugs);
  },
  deleteCategory: (_parent, { slug }, ctx) => {
    requireStaff(ctx);
    return deleteCategory(ctx.categories, slug);
  },
};
