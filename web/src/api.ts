import { ApiError, ClientErrorCode } from './apiError';
import type { TypedDocumentString } from './generated/graphql';
import { freshSession, SESSION_EXPIRED, SessionExpiredError, signOut } from './session';

/** Set by `npm run storefront` (the API it started); the default is `npm start`'s address. */
const API_URL: string = import.meta.env.VITE_STORE_API_URL ?? 'http://localhost:4000/query';

interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Sends one typed document (generated from the page's `graphql()` call by the client preset) and
 * resolves its data, or rejects with an ApiError. The `content-type: application/json` header is
 * also what the API's CSRF prevention requires. The ID token is renewed first when it is about to
 * expire (session.ts); should renewal fail, the shopper is signed out and this rejects as a refused
 * token would. A 401 means the token was refused, so the session is dropped: the next page shows
 * the shopper as signed out.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  let token: string | undefined;
  try {
    token = (await freshSession())?.token;
  } catch (error) {
    if (error instanceof SessionExpiredError) {
      throw new ApiError(SESSION_EXPIRED, 'UNAUTHENTICATED', {}, 401);
    }
    throw error;
  }
  let response: Response;
  try {
    response = await fetch(API_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    throw new ApiError(`The API is unreachable: ${String(error)}`, ClientErrorCode.Network);
  }
  if (response.status === 401) void signOut();
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`HTTP ${response.status} without a GraphQL body`, ClientErrorCode.BadResponse);
  }
  const [first] = body.errors ?? [];
  if (first) {
    const extensions = first.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    throw new ApiError(first.message, code, extensions, response.status);
  }
  if (!body.data) throw new ApiError('A response without data', ClientErrorCode.BadResponse);
  return body.data;
}
