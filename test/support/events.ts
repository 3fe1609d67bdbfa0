import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { localLambdaContext } from '../../local/apiGatewayEvent';

/**
 * API Gateway HTTP API (payload format 2.0) events, shaped as AWS sends them: lower-case header
 * names, `rawPath`, `requestContext.http`. Defaults describe a JSON POST to /query; tests
 * override what they are about.
 */
export function apiGatewayEvent(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  const method = overrides.requestContext?.http.method ?? 'POST';
  return {
    version: '2.0',
    routeKey: `${method} /query`,
    rawPath: '/query',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'api.example.com' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: '/query', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'request-id',
      routeKey: `${method} /query`,
      stage: '$default',
      time: '22/Nov/2026:00:00:00 +0000',
      timeEpoch: 1795305600000,
    },
    ...overrides,
  };
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export function graphqlPost(
  request: GraphQLRequest,
  { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  return apiGatewayEvent({
    headers: {
      'content-type': 'application/json',
      host: 'api.example.com',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(request),
  });
}

/** The Lambda context the local runtime passes: the handler reads only `awsRequestId` from it. */
export function lambdaContext(requestId = 'lambda-request-id'): Context {
  return localLambdaContext(requestId);
}

export type LambdaResult = APIGatewayProxyStructuredResultV2;
