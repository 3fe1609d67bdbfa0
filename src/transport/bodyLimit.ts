import type { middleware } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { transportRefusal } from './transportRefusal';

type Middleware = middleware.LambdaRequest<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

/**
 * Refuses a body over `maxBytes` with 413 before anything decodes or parses it. API Gateway
 * accepts up to 10 MB, and JSON.parse, the GraphQL lexer and armor's rules all cost time in
 * proportion to the input; no legitimate operation of this API comes near 64 KB.
 * A base64 body is measured by its decoded size, which Node computes from the length alone.
 */
export function refuseOversizedBody(maxBytes: number): Middleware {
  return async (event) => {
    if (event.body === undefined) return;
    const bytes = Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    if (bytes <= maxBytes) return;
    return transportRefusal(413, `The request body is larger than ${maxBytes} bytes`);
  };
}
