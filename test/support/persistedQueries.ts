import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { apiGatewayEvent } from './events';

/**
 * Requests of Apollo's automatic persisted queries protocol (APQ), as Apollo Client's persisted
 * query link sends them: the document's sha256 in `extensions.persistedQuery`, alone or, to
 * register it, with the document.
 */

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const persistedQueryExtension = (hash: string) => ({
  persistedQuery: { version: 1, sha256Hash: hash },
});

export interface ApqRequest {
  hash: string;
  /** Omitted: a hash-only request. */
  query?: string;
  variables?: Record<string, unknown>;
  token?: string;
}

/** A JSON POST carrying the hash (and, to register it, the query). */
export function apqPost({ hash, query, variables, token }: ApqRequest): APIGatewayProxyEventV2 {
  return apiGatewayEvent({
    token,
    body: JSON.stringify({
      ...(query === undefined ? {} : { query }),
      ...(variables ? { variables } : {}),
      extensions: persistedQueryExtension(hash),
    }),
  });
}

/**
 * A GET of a persisted query: every parameter in the URL, as a CDN would key it. Browsers' GETs
 * are "simple" requests, so the client adds `apollo-require-preflight` for CSRF prevention
 * (`preflight: false` leaves it out).
 */
export function apqGet(
  { hash, query, variables, token }: ApqRequest,
  { preflight = true }: { preflight?: boolean } = {},
): APIGatewayProxyEventV2 {
  return apiGatewayEvent({
    method: 'GET',
    headers: preflight ? { 'apollo-require-preflight': 'true' } : {},
    token,
    query: {
      ...(query === undefined ? {} : { query }),
      ...(variables ? { variables: JSON.stringify(variables) } : {}),
      extensions: JSON.stringify(persistedQueryExtension(hash)),
    },
  });
}
