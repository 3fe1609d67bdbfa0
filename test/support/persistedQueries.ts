import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { httpEvent } from './httpEvents';

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

function authorization(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A JSON POST carrying the hash (and, to register it, the query). */
export function apqPost({ hash, query, variables, token }: ApqRequest): APIGatewayProxyEventV2 {
  return httpEvent({
    headers: { 'content-type': 'application/json', ...authorization(token) },
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
  return httpEvent({
    method: 'GET',
    headers: { ...(preflight ? { 'apollo-require-preflight': 'true' } : {}), ...authorization(token) },
    query: {
      ...(query === undefined ? {} : { query }),
      ...(variables ? { variables: JSON.stringify(variables) } : {}),
      extensions: JSON.stringify(persistedQueryExtension(hash)),
    },
  });
}

export interface ParsedResult {
  status: number;
  headers: Record<string, unknown>;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

export function parsed(result: {
  statusCode?: number;
  headers?: Record<string, unknown>;
  body?: string;
}): ParsedResult {
  return {
    status: result.statusCode ?? 200,
    headers: result.headers ?? {},
    body: JSON.parse(result.body ?? '{}') as ParsedResult['body'],
  };
}

/** The `extensions.code` of each error, in order. */
export const errorCodes = (result: ParsedResult): unknown[] =>
  (result.body.errors ?? []).map((error) => error.extensions?.code);
