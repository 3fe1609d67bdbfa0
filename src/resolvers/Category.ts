import type { CategoryResolvers } from '../generated/graphql';
import { browse } from './browse';

export const Category: CategoryResolvers = {
  products: (category, { first, after, sort, filter }, ctx) =>
    browse(ctx, { first, after, sort, filter }, category.slug),
};
