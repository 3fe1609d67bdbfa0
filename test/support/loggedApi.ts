import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { OperationLimits } from '../../src/graphql/operationLimits';
import { createLambdaHandler } from '../../src/transport/lambdaHandler';
import { graphqlPost, lambdaContext, type GraphQLPostOptions, type GraphQLRequest } from './events';
import { captureLogs, LOGGING, requestLines } from './logCapture';
import { parseResult, type GraphQLResponse, type TestApp } from './testApp';

/** What the request log line says about one request (observability/requestLog.ts). */
export interface RequestLogView {
  statusCode: number;
  errorCodes: string[];
  dynamoCalls: number;
}

export interface LoggedResponse<TData> {
  response: GraphQLResponse<TData>;
  log: RequestLogView;
}

export type LoggedApi = <TData = Record<string, unknown>>(
  request: GraphQLRequest,
  options?: GraphQLPostOptions,
) => Promise<LoggedResponse<TData>>;

/** One event through a logged handler: its response and its own request log line. */
export type LoggedInvoke = <TData = Record<string, unknown>>(
  event: APIGatewayProxyEventV2,
) => Promise<LoggedResponse<TData>>;

/**
 * A second instance of the app's Lambda handler (same tables, same issuer) with `limits` changed
 * and its logs on: each event answers its response and its own request log line, so a test can
 * assert how many DynamoDB calls the request made. Must be built inside a test or a hook.
 */
export function loggedHandler(app: TestApp, limits: Partial<OperationLimits> = {}): LoggedInvoke {
  const handler = createLambdaHandler({
    ...app.config,
    limits: { ...app.config.limits, ...limits },
    observability: LOGGING,
  });
  let sent = 0;
  return async <TData>(event: APIGatewayProxyEventV2) => {
    sent += 1;
    const requestId = `logged-${sent}`;
    const { result, logs } = await captureLogs(() => handler(event, lambdaContext(requestId)));
    const lines = requestLines(logs).filter((candidate) => candidate.requestId === requestId);
    const line = lines[0];
    if (lines.length !== 1 || !line) throw new Error(`Expected one request log line, got ${logs.text}`);
    return {
      response: parseResult<TData>(result),
      log: {
        statusCode: line.statusCode as number,
        errorCodes: line.errorCodes as string[],
        dynamoCalls: line.dynamoCalls as number,
      },
    };
  };
}

/** `loggedHandler` for GraphQL POSTs. */
export function loggedApi(app: TestApp, limits: Partial<OperationLimits> = {}): LoggedApi {
  const invoke = loggedHandler(app, limits);
  return <TData>(request: GraphQLRequest, options?: GraphQLPostOptions) =>
    invoke<TData>(graphqlPost(request, options));
}
