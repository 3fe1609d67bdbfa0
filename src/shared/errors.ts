import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every error of this API, in one place: the `extensions.code` values clients rely on
 * (docs/api.md, "Errors"), the error types the domain and the datasources throw, and how any
 * thrown error reaches a client (`clientFacing`). Imports nothing from the rest of `src/`, so
 * every layer may import it.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  /** Signed in, but not staff: the operation belongs to the back office. */
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  OutOfStock: 'OUT_OF_STOCK',
  Conflict: 'CONFLICT',
  /** The request needed more DynamoDB calls than one request may make (docs/limits-and-security.md). */
  DynamoBudgetExceeded: 'DYNAMODB_BUDGET_EXCEEDED',
  /** The document's static cost, in DynamoDB calls, is over the limit; nothing ran (HTTP 400). */
  CostLimitExceeded: 'COST_LIMIT_EXCEEDED',
  /** Too many writes of one kind by one caller in a short time; `retryAfterSeconds` says when to retry. */
  RateLimited: 'RATE_LIMITED',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  /** Apollo's code for a request that is not a GraphQL request at all (transport level). */
  BadRequest: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes a store rule can refuse with; the rest belong to the transport and to Apollo. */
export type StoreErrorCode = Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR' | 'BAD_REQUEST'>;

/**
 * An error the client caused and can act on: its message and details are safe to show, and reach
 * the client as `{ message, extensions: { code, ...details } }`. Thrown by the domain and the
 * datasources without knowing about GraphQL; anything else thrown is masked as internal.
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function clientError(
  code: StoreErrorCode,
  message: string,
  details?: Record<string, unknown>,
): StoreError {
  return new StoreError(code, message, details);
}

export function badUserInput(message: string, details?: Record<string, unknown>): StoreError {
  return new StoreError(ErrorCode.BadUserInput, message, details);
}

/** A cursor this API never issued (or one for another collection): the client's `after` is wrong. */
export class InvalidCursorError extends StoreError {
  constructor() {
    super(ErrorCode.BadUserInput, 'The cursor is not one this API issued', { field: 'after' });
    this.name = 'InvalidCursorError';
  }
}

/** A product id that names nothing: unknown, or one that could never be a key. */
export class ProductNotFoundError extends StoreError {
  constructor(productId: string) {
    const shown = truncate(productId);
    super(ErrorCode.NotFound, `No product has id "${shown}"`, { productId: shown });
    this.name = 'ProductNotFoundError';
  }
}

/**
 * The request would make more DynamoDB calls than one request may: the call is not sent. Thrown
 * where calls are counted (observability/requestScope.ts), so it holds whatever asked for the call.
 */
export class DynamoBudgetExceededError extends StoreError {
  constructor(limit: number) {
    super(
      ErrorCode.DynamoBudgetExceeded,
      `This request needs more than ${limit} DynamoDB calls; ask for fewer items or smaller pages`,
      { limit },
    );
    this.name = 'DynamoBudgetExceededError';
  }
}

/** Echoing client input in messages is useful, echoing a megabyte of it is not. */
export function truncate(text: string, max = 64): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Not a client error but a signal between a store and its caller: a conditional write found a
 * newer version than the one it read, so the caller re-reads and tries again.
 */
export class VersionConflictError extends Error {
  constructor(readonly key: string) {
    super(`Item ${key} changed since it was read`);
    this.name = 'VersionConflictError';
  }
}

/**
 * A presented token that fails verification is an HTTP 401, not a GraphQL-level refusal. Apollo
 * takes the status from a GraphQLError thrown while it builds the context, so this one is built
 * as such.
 */
export function invalidToken(): GraphQLError {
  return new GraphQLError('The token is invalid or expired', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });
}

/**
 * What a client may see of an error, or null when it must be masked as internal (a bug or an
 * infrastructure failure, whose message may name tables or AWS internals):
 * - a StoreError: its message, code and details;
 * - an error Apollo or graphql-js already coded (validation, parsing, a refused token): as it is;
 * - Apollo's refusal of a malformed persisted-query request ("provided sha does not match
 *   query"), which has an HTTP 4xx status but no code: a status chosen in the 4xx range says the
 *   message describes the client's own request, so it is shown, as BAD_REQUEST like Apollo's
 *   other request-shape refusals.
 */
export function clientFacing(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError | null {
  if (original instanceof StoreError) {
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED') return withoutSyntaxErrorPrefix(formatted);
  if (code !== undefined && code !== ErrorCode.InternalServerError) return formatted;
  if (isUncodedClientRefusal(original)) {
    return { message: formatted.message, extensions: { code: ErrorCode.BadRequest } };
  }
  return null;
}

/**
 * graphql-armor words every refusal (depth, aliases, directives, cost) as "Syntax Error: …",
 * although the document parsed and is refused for what it asks; only a document that does not
 * parse (GRAPHQL_PARSE_FAILED) has a syntax error.
 */
function withoutSyntaxErrorPrefix(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/^Syntax Error: /, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

function isUncodedClientRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const http = error.extensions.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' && http.status >= 400 && http.status < 500;
}
