import type { Page, PageRequest } from '../datasources/models';
import { badUserInput, InvalidCursorError } from '../shared/errors';

const MAX_PAGE_SIZE = 100;

/** Validates Relay arguments at the edge: `first` in 1..100; the cursor is checked on decode. */
export function pageRequest(first: number, after: string | null | undefined): PageRequest {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  // Every cursor this API issues is non-empty: an empty one is a client's mistake, not "from the start".
  if (after === '') throw new InvalidCursorError();
  return { first, after: after ?? null };
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page read by a store (datasources/pagedQuery.ts) as a Relay connection. */
export async function connection<T>(page: Promise<Page<T>>): Promise<Connection<T>> {
  const { edges, hasNextPage, endCursor } = await page;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage, endCursor: endCursor ?? edges.at(-1)?.cursor ?? null },
  };
}
