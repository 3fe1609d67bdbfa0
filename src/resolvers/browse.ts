import { productQuery, type ProductFilterInput } from '../domain/browsing';
import type { ProductSort } from '../generated/graphql';
import { badUserInput } from '../shared/errors';
import { connection, pageRequest } from './connection';
import type { StoreContext } from './context';

interface BrowseArguments {
  first: number;
  after?: string | null;
  sort: ProductSort;
  filter?: ProductFilterInput | null;
}

/**
 * `products` and `Category.products`: the arguments checked (domain/browsing.ts), then one
 * browse. Within a category, the filter's own category may only name that category.
 */
export function browse(
  ctx: StoreContext,
  { first, after, sort, filter }: BrowseArguments,
  inCategory?: string,
) {
  const page = pageRequest(first, after);
  if (inCategory !== undefined && filter?.category && filter.category !== inCategory) {
    throw badUserInput("filter.category must be this category's slug, or absent", {
      field: 'filter.category',
    });
  }
  const query = productQuery(sort, inCategory === undefined ? filter : { ...filter, category: inCategory });
  return connection(ctx.products.browse(query, page));
}
