import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler } from './requestLog';
import { currentRequestScope } from './requestScope';

/**
 * X-Ray tracing (TRACING_ENABLED=true): a `## handler` subsegment per request, annotated with
 * cold start, service and operation name, and one subsegment per DynamoDB call. The tracer (and
 * the X-Ray SDK under it) is imported only when tracing is on, and the bundle keeps it in a file
 * of its own that this `import()` loads (build/lazyPackages.mjs, lazyPackages), so instances
 * without tracing neither parse nor load it at cold start. Outside Lambda the tracer disables
 * itself and the handler runs untouched.
 */
export function withTracing<Event, Result>(
  serviceName: string,
  dynamo: DynamoDBDocumentClient,
  handler: LambdaHandler<Event, Result>,
): LambdaHandler<Event, Result> {
  const ready = import('@aws-lambda-powertools/tracer').then(({ Tracer }) => {
    // HTTPS capture is off: it would trace every DynamoDB call a second time.
    const tracer = new Tracer({ serviceName, captureHTTPsRequests: false });
    if (tracer.isTracingEnabled()) tracer.captureAWSv3Client(dynamo);
    return tracer;
  });
  return async (event, context) => {
    const tracer = await ready;
    const parent = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    if (!parent) return handler(event, context);
    const subsegment = parent.addNewSubsegment('## handler');
    tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      return await handler(event, context);
    } catch (error) {
      if (error instanceof Error) subsegment.addError(error);
      throw error;
    } finally {
      const operationName = currentRequestScope()?.operationName;
      if (operationName) tracer.putAnnotation('operationName', operationName);
      subsegment.close();
      tracer.setSegment(parent);
    }
  };
}
