import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { localLambdaContext } from '../../local/apiGatewayEvent';

/**
 * The one factory of API Gateway HTTP API (payload format 2.0) events, for the tests and the
 * benchmark: shaped as AWS sends them (lower-case header names, `rawPath`, `requestContext.http`,
 * a query string both raw and decoded). The defaults are a JSON POST to /query; a test overrides
 * only what it is about.
 */
export interface EventOverrides {
  /** POST unless given; also names the route (`GET /query`). */
  method?: string;
  /**
   * The request's headers, in place of the default ones: `content-type: application/json` when
   * there is a body, else none (`{}` sends a body without a content type). `host` is always set.
   */
  headers?: Record<string, string>;
  /** Sent as `authorization: Bearer <token>`. */
  token?: string;
  /** The query string parameters, decoded; `rawQueryString` is their URL encoding. */
  query?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  /** API Gateway's id of the request (`requestContext.requestId`). */
  requestId?: string;
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** What a JSON POST of a GraphQL request may change: who sends it, and with which headers. */
export type GraphQLPostOptions = Pick<EventOverrides, 'headers' | 'token' | 'requestId'>;

export type LambdaResult = APIGatewayProxyStructuredResultV2;

const JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json' };

export function apiGatewayEvent({
  method = 'POST',
  body,
  headers = body === undefined ? {} : JSON_HEADERS,
  token,
  query,
  isBase64Encoded = false,
  requestId = 'request-id',
}: EventOverrides = {}): APIGatewayProxyEventV2 {
  const routeKey = `${method} /query`;
  return {
    version: '2.0',
    routeKey,
    rawPath: '/query',
    rawQueryString: query ? new URLSearchParams(query).toString() : '',
    ...(query ? { queryStringParameters: query } : {}),
    headers: {
      host: 'api.example.com',
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: '/query', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId,
      routeKey,
      stage: '$default',
      time: '22/Nov/2026:00:00:00 +0000',
      timeEpoch: 1795305600000,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded,
  };
}

/** A GraphQL request as a JSON POST; `headers` are sent besides the JSON content type. */
export function graphqlPost(
  request: GraphQLRequest,
  { headers = {}, ...overrides }: GraphQLPostOptions = {},
): APIGatewayProxyEventV2 {
  return apiGatewayEvent({
    ...overrides,
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(request),
  });
}

/** The Lambda context the local runtime passes: the handler reads only `awsRequestId` from it. */
export function lambdaContext(requestId = 'lambda-request-id'): Context {
  return localLambdaContext(requestId);
}
