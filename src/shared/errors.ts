import { GraphQLError } from 'graphql';

/** The `extensions.code` values of the API contract (DESIGN.md). */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  NotFound: 'NOT_FOUND',
  OutOfStock: 'OUT_OF_STOCK',
  Conflict: 'CONFLICT',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  /** Apollo's code for a request that is not a GraphQL request at all (transport level). */
  BadRequest: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error the client caused and can act on; its message and extensions are safe to show. */
export function clientError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(message: string, extensions?: Record<string, unknown>): GraphQLError {
  return clientError(ErrorCode.BadUserInput, message, extensions);
}

/** A presented token that fails verification is an HTTP 401, not a GraphQL-level refusal. */
export function invalidToken(): GraphQLError {
  return new GraphQLError('The token is invalid or expired', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });
}
