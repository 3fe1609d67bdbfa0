import { shownId, type CategoryEntry, type ImportCategory } from './catalogueFile';
import { ApiError, type StaffApi } from './staffApi';

/**
 * The catalogue import's categories, before its products (which may name them): the store's are
 * read once, then each of the file's is created when missing, renamed when its name differs, and
 * the file's go first in the store's order. Never deleted: a category missing from the file stays,
 * after the file's, in the order it had. One line per category, then one for the reordering.
 */
export type CategoryApi = Pick<
  StaffApi,
  'categories' | 'createCategory' | 'renameCategory' | 'reorderCategories'
>;

/** How a line counts in the import's summary. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'failed';

/** Counts the line in the summary and prints it. */
export type Tally = (outcome: Outcome, line: string) => void;

/** What stopped the categories part-way, and where, for the summary. */
export interface Interruption {
  error: unknown;
  at: string;
}

export async function importCategories(
  api: CategoryApi,
  entries: CategoryEntry[],
  tally: Tally,
): Promise<Interruption | undefined> {
  let at = 'before the first category';
  try {
    const before = await api.categories();
    const names = new Map(before.map((category) => [category.slug, category.name]));
    let created = false;
    for (const entry of entries) {
      at = `at category #${entry.position} of ${entries.length}`;
      if ('error' in entry) {
        tally('failed', failureLine(entry.position, entry.slug, entry.error));
        continue;
      }
      try {
        const outcome = await upsert(api, names.get(entry.slug), entry.category);
        created ||= outcome.outcome === 'created';
        tally(outcome.outcome, outcome.line);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        tally('failed', failureLine(entry.position, entry.slug, error.reason));
      }
    }
    at = "at the categories' order";
    // Created ones went after the others; read again rather than assume it, since reorderCategories
    // must name every category, those created by someone else meanwhile too.
    const store = created ? await api.categories() : before;
    const order = orderOf(
      store.map((category) => category.slug),
      entries.flatMap((entry) => ('category' in entry ? [entry.slug] : [])),
    );
    if (order) {
      try {
        await api.reorderCategories(order);
        tally('updated', '~ reordered categories');
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        tally('failed', `! categories not reordered: ${error.reason}`);
      }
    }
    return undefined;
  } catch (error) {
    return { error, at };
  }
}

async function upsert(
  api: CategoryApi,
  storedName: string | undefined,
  category: ImportCategory,
): Promise<{ outcome: Outcome; line: string }> {
  const slug = shownId(category.slug);
  // Trimmed as the store keeps it, so that a name typed with spaces is unchanged the next time.
  const name = category.name.trim();
  if (storedName === undefined) {
    await api.createCategory({ slug: category.slug, name });
    return { outcome: 'created', line: `+ created category ${slug}` };
  }
  if (storedName === name) return { outcome: 'unchanged', line: `= unchanged category ${slug}` };
  await api.renameCategory(category.slug, name);
  return {
    outcome: 'updated',
    line: `~ renamed category ${slug} (${JSON.stringify(storedName)} → ${JSON.stringify(name)})`,
  };
}

/**
 * The store's slugs with the file's first, in the file's order, and the others after them in the
 * order they had; undefined when that is the order already. A slug of the file not in the store
 * (its creation failed) is left out: reorderCategories names exactly the store's categories.
 */
export function orderOf(store: string[], file: string[]): string[] | undefined {
  const inStore = new Set(store);
  const first = file.filter((slug) => inStore.has(slug));
  const firstSet = new Set(first);
  const order = [...first, ...store.filter((slug) => !firstSet.has(slug))];
  return order.every((slug, index) => slug === store[index]) ? undefined : order;
}

/** `! category #2 garden: reason`, or `! category #2: reason` when the entry has no slug. */
function failureLine(position: number, slug: string | undefined, reason: string): string {
  return `! category #${position}${slug !== undefined ? ` ${shownId(slug)}` : ''}: ${reason}`;
}
