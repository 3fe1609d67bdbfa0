import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { apiGatewayEvent } from './events';

/**
 * Events for the HTTP edge cases the handler tests need beyond a JSON POST: other methods,
 * query strings as API Gateway delivers them (raw and URL-encoded, plus the decoded map), raw or
 * base64 bodies, and arbitrary headers. Built on apiGatewayEvent so the defaults stay in one place.
 */
export interface HttpEventOptions {
  method?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export function httpEvent({
  method = 'POST',
  headers = {},
  query,
  body,
  isBase64Encoded = false,
}: HttpEventOptions): APIGatewayProxyEventV2 {
  const base = apiGatewayEvent();
  return apiGatewayEvent({
    requestContext: { ...base.requestContext, http: { ...base.requestContext.http, method } },
    headers: { host: 'api.example.com', ...headers },
    ...(query ? { rawQueryString: new URLSearchParams(query).toString(), queryStringParameters: query } : {}),
    ...(body === undefined ? {} : { body }),
    isBase64Encoded,
  });
}
