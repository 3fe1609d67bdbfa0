import type { Logger } from '@aws-lambda-powertools/logger';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../shared/errors';
import { currentRequestScope } from '../observability/requestScope';

/**
 * Apollo's `formatError`: every error a client receives passes through here, whichever path
 * produced it (a resolver, validation, a refused token, a malformed request), so this is where
 * the error policy lives.
 *
 * Errors without a client-facing code are bugs or infrastructure failures (DynamoDB down,
 * throttled, misconfigured): their messages may name tables or AWS internals, so the client gets a
 * generic message and the request id to quote, and the cause goes to the log under that id.
 * The request's codes are also noted for its log line (see observability/requestLog.ts).
 */
export function createErrorFormatter(logger: Logger) {
  return function maskInternalErrors(
    formatted: GraphQLFormattedError,
    error: unknown,
  ): GraphQLFormattedError {
    const scope = currentRequestScope();
    const code = formatted.extensions?.code;
    if (code !== ErrorCode.InternalServerError && code !== undefined) {
      scope?.errorCodes.push(String(code));
      return formatted;
    }
    if (isUncodedClientRefusal(error)) {
      scope?.errorCodes.push(ErrorCode.BadRequest);
      return { message: formatted.message, extensions: { code: ErrorCode.BadRequest } };
    }
    scope?.errorCodes.push(ErrorCode.InternalServerError);
    logger.error('Unexpected error while serving a GraphQL request', {
      requestId: scope?.requestId,
      path: formatted.path?.join('.'),
      error: unwrapResolverError(error),
    });
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: ErrorCode.InternalServerError,
        ...(scope ? { requestId: scope.requestId } : {}),
      },
    };
  };
}

/**
 * Apollo refuses a malformed persisted-query request ("provided sha does not match query",
 * "Unsupported persisted query version") with an HTTP 4xx but no code, which would otherwise read
 * as an internal error. A status chosen in the 4xx range says the message describes the client's
 * own request, so it is shown, as BAD_REQUEST like Apollo's other request-shape refusals.
 */
function isUncodedClientRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const http = error.extensions.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' && http.status >= 400 && http.status < 500;
}
