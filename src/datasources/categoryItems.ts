import type { CategoryRecord, ProductRecord } from './models';
import type { TransactItem } from './transactions';

/**
 * How a category is stored in the categories table: key (`catalogue`, `slug`), every category in
 * the one partition `ALL`, which a store's few dozen categories fit in one Query. Two counters
 * follow the products that name it, changed in those products' own transactions: `productCount`
 * (live ones, what shoppers see) and `archivedCount`, so a category is deleted only when no
 * product, archived or not, names it.
 */
export const CATEGORY_PARTITION = 'ALL';

export type StoredCategory = CategoryRecord & { catalogue: string; archivedCount?: number };

export function toCategoryRecord({ slug, name, position, productCount }: StoredCategory): CategoryRecord {
  return { slug, name, position, productCount: productCount ?? 0 };
}

/**
 * The counter updates that take the categories from `before` to `after` of one product. Each is
 * conditioned on the category existing, so a product can only join an existing category: the
 * transaction fails at the item of a missing one (see `categoryOfWrite`).
 */
export function categoryCountWrites(
  tableName: string,
  before: ProductRecord | null,
  after: ProductRecord | null,
): TransactItem[] {
  const change = new Map<string, { live: number; archived: number }>();
  const count = (product: ProductRecord | null, sign: 1 | -1) => {
    for (const slug of product?.categories ?? []) {
      const counters = change.get(slug) ?? { live: 0, archived: 0 };
      if (product?.archived) counters.archived += sign;
      else counters.live += sign;
      change.set(slug, counters);
    }
  };
  count(before, -1);
  count(after, 1);
  return [...change]
    .filter(([, { live, archived }]) => live !== 0 || archived !== 0)
    .map(([slug, { live, archived }]) => ({
      Update: {
        TableName: tableName,
        Key: { catalogue: CATEGORY_PARTITION, slug },
        UpdateExpression: 'ADD #live :live, #archived :archived',
        ConditionExpression: 'attribute_exists(#slug)',
        ExpressionAttributeNames: { '#live': 'productCount', '#archived': 'archivedCount', '#slug': 'slug' },
        ExpressionAttributeValues: { ':live': live, ':archived': archived },
      },
    }));
}

/** The category a write of `categoryCountWrites` updates, or null for any other item. */
export function categoryOfWrite(item: TransactItem, tableName: string): string | null {
  const update = item.Update;
  if (update?.TableName !== tableName) return null;
  const slug: unknown = update.Key?.slug;
  return typeof slug === 'string' ? slug : null;
}
