import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { StoreHandler } from '../src/transport/lambdaHandler';
import { localLambdaContext, toApiGatewayEvent } from './apiGatewayEvent';

export const ROUTE_PATH = '/query';
/** API Gateway's own payload limit; the API's tighter limits apply inside the handler. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface LocalServerOptions {
  /** Origins allowed by CORS: `*` (any) or an exact list, as API Gateway's `cors.allowOrigins`. */
  corsOrigins: readonly string[];
}

/**
 * Plays API Gateway for the local runtime: routes `GET`/`POST /query` to the very Lambda handler
 * AWS runs, as a payload 2.0 event, and answers CORS preflights itself (as API Gateway does;
 * Apollo does no CORS).
 */
export function createLocalServer(handler: StoreHandler, options: LocalServerOptions): Server {
  return createServer((request, response) => {
    serve(handler, options, request, response).catch((error: unknown) => {
      console.error('Local server failed to serve a request', error);
      if (!response.headersSent) sendJson(response, 502, { message: 'Internal Server Error' });
      else response.end();
    });
  });
}

async function serve(
  handler: StoreHandler,
  { corsOrigins }: LocalServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const cors = corsHeaders(request.headers.origin, corsOrigins);
  for (const [name, value] of Object.entries(cors)) response.setHeader(name, value);
  if (path !== ROUTE_PATH) return sendJson(response, 404, { message: 'Not Found' });
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers':
        request.headers['access-control-request-headers'] ??
        'content-type,authorization,apollo-require-preflight,x-apollo-operation-name',
      'access-control-max-age': '600',
    });
    return void response.end();
  }
  if (request.method !== 'GET' && request.method !== 'POST') {
    return sendJson(response, 404, { message: 'Not Found' });
  }
  const body = await readBody(request);
  if (body === null) return sendJson(response, 413, { message: 'Request Entity Too Large' });

  const event = toApiGatewayEvent(request, body, ROUTE_PATH);
  const result = await handler(event, localLambdaContext(event.requestContext.requestId));
  const payload = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, {
    ...result.headers,
    ...(result.cookies ? { 'set-cookie': result.cookies } : {}),
    'apigw-requestid': event.requestContext.requestId,
  });
  response.end(result.isBase64Encoded ? Buffer.from(payload, 'base64') : payload);
}

/**
 * Never `access-control-allow-credentials`: tokens travel in the Authorization header, not in
 * cookies, so no request needs credentials, and browsers must refuse them with `*` anyway (as
 * API Gateway's `allowCredentials: false` does in AWS).
 */
function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin) return {};
  if (allowed.includes('*')) return { 'access-control-allow-origin': '*' };
  return allowed.includes(origin) ? { 'access-control-allow-origin': origin, vary: 'origin' } : {};
}

/** Resolves null once the body passes the limit, without buffering the rest. */
async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
