import type { handlers } from '@as-integrations/aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ErrorCode } from '../shared/errors';
import { currentRequestScope } from '../observability/requestScope';
import { transportRefusal } from './transportRefusal';

type V2RequestHandler = handlers.RequestHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

class MalformedJsonBodyError extends Error {
  constructor(cause: unknown) {
    super('The request body is not valid JSON', { cause });
    this.name = 'MalformedJsonBodyError';
  }
}

/**
 * The integration parses a JSON body in `fromEvent` and answers anything thrown there, or later
 * outside Apollo, from `toErrorResult`: a plain-text 400 carrying the raw error message, with no
 * content type. This wrapper keeps its parsing (one JSON.parse per request) and answers instead
 * with a GraphQL-shaped JSON error: 400 `BAD_REQUEST` for a body that is not JSON, and a masked,
 * logged 500 `INTERNAL_SERVER_ERROR` for anything else, which would be a bug.
 */
export function withJsonErrorResults(base: V2RequestHandler, logger: Logger): V2RequestHandler {
  return {
    fromEvent(event) {
      try {
        return base.fromEvent(event);
      } catch (error) {
        throw error instanceof SyntaxError ? new MalformedJsonBodyError(error) : error;
      }
    },
    toSuccessResult: base.toSuccessResult,
    toErrorResult(error) {
      if (error instanceof MalformedJsonBodyError) return transportRefusal(400, error.message);
      const requestId = currentRequestScope()?.requestId;
      logger.error('Unexpected error in the Lambda transport', { requestId, error });
      return transportRefusal(500, 'Internal server error', ErrorCode.InternalServerError, {
        ...(requestId ? { requestId } : {}),
      });
    },
  };
}
