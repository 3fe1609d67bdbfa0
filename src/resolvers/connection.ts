import { InvalidCursorError } from '../datasources/errors';
import type { Page, PageRequest } from '../datasources/models';
import { badUserInput } from '../shared/errors';

export const MAX_PAGE_SIZE = 100;

/** Validates Relay arguments at the edge: `first` in 1..100; the cursor is checked on decode. */
export function pageRequest(first: number, after: string | null | undefined): PageRequest {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return { first, after: after ?? null };
}

/** Runs a page read, turning a cursor this API never issued into BAD_USER_INPUT. */
export async function readPage<T>(read: () => Promise<Page<T>>): Promise<Connection<T>> {
  try {
    return toConnection(await read());
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badUserInput(error.message, { field: 'after' });
    throw error;
  }
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function toConnection<T>({ edges, hasNextPage }: Page<T>): Connection<T> {
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
