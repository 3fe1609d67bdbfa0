import type { ImportCategory, StoredProduct } from '../../../local/catalogueFile';
import type { CatalogueApi } from '../../../local/catalogueImport';

/**
 * A plain fake of the staff API for the upsert loop: answers from the stored products and
 * categories, records every call, and throws what `refuse` returns for an id or slug.
 */
export function fakeApi(
  stored: StoredProduct[],
  refuse: (id: string) => Error | undefined = () => undefined,
  categories: ImportCategory[] = [],
) {
  const products = new Map(stored.map((product) => [product.id, product]));
  const calls: string[] = [];
  const api: CatalogueApi = {
    checkStaff: async () => void calls.push('checkStaff'),
    async categories() {
      calls.push('categories');
      return categories;
    },
    async createCategory(input) {
      calls.push(`createCategory ${input.slug}`);
      const refusal = refuse(input.slug);
      if (refusal) throw refusal;
      categories = [...categories, input];
    },
    renameCategory: async (slug, name) => void calls.push(`renameCategory ${slug} ${name}`),
    reorderCategories: async (slugs) => void calls.push(`reorderCategories ${slugs.join(' ')}`),
    async product(id) {
      calls.push(`product ${id}`);
      const refusal = refuse(id);
      if (refusal) throw refusal;
      return products.get(id) ?? null;
    },
    create: async (input) => void calls.push(`create ${input.id} ${JSON.stringify(input)}`),
    update: async (id, input) => void calls.push(`update ${id} ${JSON.stringify(input)}`),
  };
  return { api, calls };
}
