import { changesOf, creationOf, shownId, type CatalogueFile } from './catalogueFile';
import { importCategories, type CategoryApi, type Outcome } from './categoryImport';
import { ApiError, StopError, type StaffApi } from './staffApi';

/**
 * The catalogue import's upsert: the file's categories first (categoryImport.ts), then one product
 * after the other (two requests each: a read, then a create or an update when something changed),
 * reporting one line per category and product as it goes. One the API refuses is reported with its
 * reason and the others still go in; a StopError (unreachable, token refused) ends the import where
 * it is.
 */
export interface ImportSummary {
  /** Every line counts, a category's as a product's: a reordering or a renaming is an update. */
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** How many products the file lists. */
  total: number;
  /** How many of the failed lines are about categories. */
  failedCategories: number;
  /** Why the import stopped before the end, if it did, and where (`at #4 of 6`). */
  stopped?: { reason: string; at: string };
}

export type CatalogueApi = Pick<StaffApi, 'checkStaff' | 'product' | 'create' | 'update'> & CategoryApi;

export async function importCatalogue(
  api: CatalogueApi,
  file: CatalogueFile,
  report: (line: string) => void,
): Promise<ImportSummary> {
  const { categories, products: entries } = file;
  const summary: ImportSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    total: entries.length,
    failedCategories: 0,
  };
  const tally = (outcome: Outcome, line: string) => {
    summary[outcome] += 1;
    report(line);
  };
  try {
    await api.checkStaff();
  } catch (error) {
    return stopped(summary, error, `before the first ${categories.length > 0 ? 'category' : 'product'}`);
  }
  if (categories.length > 0) {
    const interruption = await importCategories(api, categories, (outcome, line) => {
      if (outcome === 'failed') summary.failedCategories += 1;
      tally(outcome, line);
    });
    if (interruption) return stopped(summary, interruption.error, interruption.at);
  }
  for (const entry of entries) {
    if ('error' in entry) {
      tally('failed', failureLine(entry.position, entry.id, entry.error));
      continue;
    }
    try {
      const current = await api.product(entry.id);
      if (!current) {
        await api.create(creationOf(entry.product));
        tally('created', `+ created ${shownId(entry.id)}`);
        continue;
      }
      const changes = changesOf(current, entry.product);
      const fields = Object.keys(changes);
      const archived = current.archived ? ' [archived]' : '';
      if (fields.length === 0) {
        tally('unchanged', `= unchanged ${shownId(entry.id)}${archived}`);
        continue;
      }
      await api.update(entry.id, changes);
      tally('updated', `~ updated ${shownId(entry.id)} (${fields.join(', ')})${archived}`);
    } catch (error) {
      if (!(error instanceof ApiError))
        return stopped(summary, error, `at #${entry.position} of ${summary.total}`);
      tally('failed', failureLine(entry.position, entry.id, error.reason));
    }
  }
  return summary;
}

/** `3 created, 1 updated, 10 unchanged, 1 failed`, and what that means. */
export function summaryLine(summary: ImportSummary): string {
  const counts = `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed`;
  if (summary.stopped) return `${counts}; stopped ${summary.stopped.at}`;
  if (summary.failed > 0) {
    const what = summary.failedCategories > 0 ? 'categories and products' : 'products';
    return `${counts}: fix the ${what} marked ! and run it again`;
  }
  if (summary.created + summary.updated === 0) return `${counts}: nothing to change`;
  return counts;
}

/** 0: every product is in; 1: some failed (the others are in); 3: stopped (docs/catalogue-import.md). */
export function exitCodeOf(summary: ImportSummary): number {
  if (summary.stopped) return 3;
  return summary.failed > 0 ? 1 : 0;
}

function stopped(summary: ImportSummary, error: unknown, at: string): ImportSummary {
  if (!(error instanceof StopError)) throw error;
  return { ...summary, stopped: { reason: error.message, at } };
}

/** `! #3 some-id: reason`, or `! #3: reason` when the entry has no id. */
function failureLine(position: number, id: string | undefined, reason: string): string {
  return `! #${position}${id !== undefined ? ` ${shownId(id)}` : ''}: ${reason}`;
}
