import { performance } from 'node:perf_hooks';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { runInRequestScope } from './requestScope';

/** A Lambda handler as Node's runtime awaits it; generic, so observability imports no transport. */
export type LambdaHandler<Event, Result> = (event: Event, context: Context) => Promise<Result>;

/** Logged for a request refused before GraphQL saw an operation (413, malformed JSON, CSRF…). */
export const NO_OPERATION = '(none)';

/**
 * One JSON line per request, written after the response is built, whatever answered it: Apollo,
 * a transport refusal, or the landing page. It carries what an operator needs to find and size a
 * request (request id, operation, status, duration, error codes, DynamoDB calls) and, by
 * construction, nothing the client sent beyond the operation name: never headers (the token),
 * never variables or the query (they may hold personal data).
 */
export function withRequestLog<Event, Result extends { statusCode?: number }>(
  logger: Logger,
  handler: LambdaHandler<Event, Result>,
  { dynamoCallLimit }: { dynamoCallLimit?: number } = {},
): LambdaHandler<Event, Result> {
  return (event, context) =>
    runInRequestScope(
      context.awsRequestId,
      async (scope) => {
        const started = performance.now();
        let statusCode: number | undefined;
        try {
          const result = await handler(event, context);
          statusCode = result.statusCode ?? 200;
          return result;
        } finally {
          logger.info('request', {
            requestId: scope.requestId,
            operationName: scope.operationName ?? NO_OPERATION,
            statusCode,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            errorCodes: scope.errorCodes,
            dynamoCalls: scope.dynamoCalls,
          });
        }
      },
      dynamoCallLimit,
    );
}
