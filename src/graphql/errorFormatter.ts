import type { Logger } from '@aws-lambda-powertools/logger';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { currentRequestScope } from '../observability/requestScope';
import { clientFacing, ErrorCode } from '../shared/errors';

/**
 * Apollo's `formatError`: every error a client receives passes through here, whichever path
 * produced it (a resolver, validation, a refused token, a malformed request). What a client may
 * see is decided by `clientFacing` (shared/errors.ts); everything else is a bug or an
 * infrastructure failure (DynamoDB down, throttled, misconfigured), so the client gets a generic
 * message and the request id to quote, and the cause goes to the log under that id.
 * The request's codes are also noted for its log line (see observability/requestLog.ts).
 */
export function createErrorFormatter(logger: Logger) {
  return function maskInternalErrors(
    formatted: GraphQLFormattedError,
    error: unknown,
  ): GraphQLFormattedError {
    const scope = currentRequestScope();
    const original = unwrapResolverError(error);
    const shown = clientFacing(formatted, original);
    if (shown) {
      scope?.errorCodes.push(String(shown.extensions?.code));
      return shown;
    }
    scope?.errorCodes.push(ErrorCode.InternalServerError);
    logger.error('Unexpected error while serving a GraphQL request', {
      requestId: scope?.requestId,
      path: formatted.path?.join('.'),
      error: original,
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
