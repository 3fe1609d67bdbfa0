import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** An API Gateway HTTP API (payload 2.0) POST /query, as AWS delivers it to the function. */
export function graphqlEvent(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): APIGatewayProxyEventV2 {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: 'POST /query',
    rawPath: '/query',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      host: 'api.example.com',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/query',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: 'bench-request',
      routeKey: 'POST /query',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: JSON.stringify({ query, variables }),
  };
}
