import { changesOf, creationOf, type FileEntry } from './catalogueFile';
import { ApiError, StopError, type StaffApi } from './staffApi';

/**
 * The catalogue import's upsert, one product after the other (two requests each: a read, then a
 * create or an update when something changed), reporting one line per product as it goes. A
 * product the API refuses is reported with its reason and the others still go in; a StopError
 * (unreachable, token refused) ends the import where it is.
 */
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** How many products the file lists. */
  total: number;
  /** Why the import stopped before the end, if it did, and the position it was at (0: before any). */
  stopped?: { reason: string; position: number };
}

export type CatalogueApi = Pick<StaffApi, 'checkStaff' | 'product' | 'create' | 'update'>;

export async function importCatalogue(
  api: CatalogueApi,
  entries: FileEntry[],
  report: (line: string) => void,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    total: entries.length,
  };
  try {
    await api.checkStaff();
  } catch (error) {
    return stopped(summary, error, 0);
  }
  for (const entry of entries) {
    if ('error' in entry) {
      summary.failed += 1;
      report(failureLine(entry.position, entry.id, entry.error));
      continue;
    }
    try {
      const current = await api.product(entry.id);
      if (!current) {
        await api.create(creationOf(entry.product));
        summary.created += 1;
        report(`+ created ${shownId(entry.id)}`);
        continue;
      }
      const changes = changesOf(current, entry.product);
      const fields = Object.keys(changes);
      const archived = current.archived ? ' [archived]' : '';
      if (fields.length === 0) {
        summary.unchanged += 1;
        report(`= unchanged ${shownId(entry.id)}${archived}`);
        continue;
      }
      await api.update(entry.id, changes);
      summary.updated += 1;
      report(`~ updated ${shownId(entry.id)} (${fields.join(', ')})${archived}`);
    } catch (error) {
      if (!(error instanceof ApiError)) return stopped(summary, error, entry.position);
      summary.failed += 1;
      report(failureLine(entry.position, entry.id, reasonOf(error)));
    }
  }
  return summary;
}

/** `3 created, 1 updated, 10 unchanged, 1 failed`, and what that means. */
export function summaryLine(summary: ImportSummary): string {
  const counts = `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed`;
  const { stopped } = summary;
  if (stopped) {
    const where =
      stopped.position === 0 ? 'before the first product' : `at #${stopped.position} of ${summary.total}`;
    return `${counts}; stopped ${where}`;
  }
  if (summary.failed > 0) return `${counts}: fix the products marked ! and run it again`;
  if (summary.created + summary.updated === 0) return `${counts}: nothing to change`;
  return counts;
}

/** 0: every product is in; 1: some failed (the others are in); 3: stopped (docs/catalogue-import.md). */
export function exitCodeOf(summary: ImportSummary): number {
  if (summary.stopped) return 3;
  return summary.failed > 0 ? 1 : 0;
}

function stopped(summary: ImportSummary, error: unknown, position: number): ImportSummary {
  if (!(error instanceof StopError)) throw error;
  return { ...summary, stopped: { reason: error.message, position } };
}

/** `! #3 some-id: reason`, or `! #3: reason` when the entry has no id. */
function failureLine(position: number, id: string | undefined, reason: string): string {
  return `! #${position}${id !== undefined ? ` ${shownId(id)}` : ''}: ${reason}`;
}

/** The API's message, its code when it is not plain bad input, and the field it names. */
function reasonOf(error: ApiError): string {
  const code = error.code === 'BAD_USER_INPUT' ? '' : `${error.code}: `;
  return `${code}${error.message}${error.field ? ` (field ${error.field})` : ''}`;
}

function shownId(id: string): string {
  return id.length > 100 ? `${id.slice(0, 100)}…` : id;
}
