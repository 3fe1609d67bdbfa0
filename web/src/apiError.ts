/**
 * Every way a request can fail, as one error type the pages show with `describeError`:
 * a GraphQL error's `extensions.code` (the API's contract), or one of the client's own codes
 * when no GraphQL answer arrived.
 */
export const ClientErrorCode = {
  /** fetch itself failed: offline, the API is down, or CORS refused the origin. */
  Network: 'NETWORK_ERROR',
  /** An answer that is not a GraphQL response (a proxy's error page, a truncated body). */
  BadResponse: 'BAD_RESPONSE',
  /**
   * The ID token had to be renewed first (expired, or refused) and Cognito did not answer: the
   * request never left, and the shopper is still signed in (session.ts).
   */
  SignInUnavailable: 'SIGN_IN_UNAVAILABLE',
} as const;

export class ApiError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, or a ClientErrorCode. */
    readonly code: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    /** The HTTP status: 401 means the token itself was refused (expired, or issued before a reset). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
