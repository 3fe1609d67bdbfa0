import { ApiError, ClientErrorCode } from './apiError';
import type { TypedDocumentString } from './generated/graphql';
import {
  freshSession,
  SESSION_EXPIRED,
  SessionExpiredError,
  SIGN_IN_UNAVAILABLE,
  SignInUnavailableError,
  signOut,
} from './session';

/**
 * Set by `npm run storefront` (the API it started), and required by `vite build` (vite.config.ts);
 * the dev server's default is `npm start`'s address.
 */
const API_URL: string = import.meta.env.VITE_STORE_API_URL ?? 'http://localhost:4000/query';

interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * Sends one typed document (generated from the page's `graphql()` call by the client preset) and
 * resolves its data, or rejects with an ApiError. The `content-type: application/json` header is
 * also what the API's CSRF prevention requires.
 *
 * The ID token is renewed first when it is about to expire (session.ts). A 401 means the API
 * refused the token (expired by its clock, which a slow browser clock may not know yet): the token
 * is renewed once, whatever its expiry says, and the request sent once more, so the shopper is
 * signed out only when Cognito refuses to renew or the API refuses the renewed token too. A 401
 * happens before the API runs anything, so sending the request again cannot do anything twice.
 * Should Cognito be unreachable when a renewal cannot wait, the shopper stays signed in and this
 * rejects with SIGN_IN_UNAVAILABLE's sentence.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const request = JSON.stringify({ query: document.toString(), variables });
  let token = await tokenToSend();
  let response = await post(request, token);
  if (response.status === 401 && token) {
    const refused = token;
    token = await tokenToSend(refused);
    response = await post(request, token);
    if (response.status === 401) void signOut(token ?? refused);
  }
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

/** The ID token to send (renewed when due, or when `refused`), or undefined when signed out. */
async function tokenToSend(refused?: string): Promise<string | undefined> {
  try {
    return (await freshSession(refused))?.token;
  } catch (error) {
    if (error instanceof SessionExpiredError) {
      throw new ApiError(SESSION_EXPIRED, 'UNAUTHENTICATED', {}, 401);
    }
    if (error instanceof SignInUnavailableError) {
      throw new ApiError(SIGN_IN_UNAVAILABLE, ClientErrorCode.SignInUnavailable);
    }
    throw error;
  }
}

async function post(request: string, token: string | undefined): Promise<Response> {
  try {
    return await fetch(API_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: request,
    });
  } catch (error) {
    throw new ApiError(`The API is unreachable: ${String(error)}`, ClientErrorCode.Network);
  }
}
