import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { apiGatewayEvent } from '../../support/events';
import type { TestApp } from '../../support/testApp';
import {
  ADD_TO_CART,
  answered,
  json,
  jsonOfSize,
  PRODUCT_ID,
  VICTIM,
  type HostileCase,
} from './hostileRequest';

/** Requests that are not well-formed GraphQL-over-HTTP, or that a browser sends cross-site. */
const TOO_LARGE = /^The request body is larger than 65536 bytes$/;

export const TRANSPORT_CASES: HostileCase[] = [
  ...answered(400, 'BAD_REQUEST', {
    'a truncated JSON body': () => json('{"query": "{ products'),
    'JSON followed by garbage': () => json('{"query":"{ __typename }"} x'),
    'a base64 body that decodes to broken JSON': () =>
      apiGatewayEvent({ body: Buffer.from('{"query":').toString('base64'), isBase64Encoded: true }),
    'an empty body': () => json(''),
    'a JSON null body': () => json('null'),
    'a JSON string body': () => json('"{ __typename }"'),
    'an empty JSON object': () => json('{}'),
    'a body without a query': () => json('{"variables":{}}'),
    'a numeric query': () => json('{"query":42}'),
    'a query given as a syntax tree': () => json('{"query":{"kind":"Document","definitions":[]}}'),
    'variables given as a JSON string': () => json('{"query":"{ __typename }","variables":"{}"}'),
    'a non-string operationName': () => json('{"query":"{ __typename }","operationName":7}'),
    'a batched array of operations': {
      event: () => json(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }])),
      message: /^Operation batching disabled/,
    },
    'an application/graphql body': () =>
      apiGatewayEvent({ headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' }),
    'an XML body': () =>
      apiGatewayEvent({ headers: { 'content-type': 'application/xml' }, body: '<query/>' }),
  }),
  ...answered(413, 'BAD_REQUEST', {
    [`a body one byte over ${DEFAULT_LIMITS.maxBodyBytes} bytes`]: {
      event: () => json(jsonOfSize(DEFAULT_LIMITS.maxBodyBytes + 1)),
      message: TOO_LARGE,
    },
    'a base64 body over the limit once decoded': {
      event: () =>
        apiGatewayEvent({
          body: Buffer.alloc(DEFAULT_LIMITS.maxBodyBytes + 1, ' ').toString('base64'),
          isBase64Encoded: true,
        }),
      message: TOO_LARGE,
    },
  }),
  ...answered(405, 'BAD_REQUEST', {
    'an unknown HTTP method': () => apiGatewayEvent({ method: 'PUT', body: '{"query":"{ __typename }"}' }),
  }),
  // The APQ protocol answers 200 and lets the client read the code.
  ...answered(200, 'PERSISTED_QUERY_NOT_FOUND', {
    'an unknown persisted-query hash': () =>
      json(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
  }),
];

/** The victim's addToCart, as a browser sends it cross-site with `headers` (no CORS preflight). */
const crossSiteAddToCart = (headers: Record<string, string>) => (app: TestApp) =>
  apiGatewayEvent({
    headers,
    token: app.tokenFor(VICTIM),
    body: JSON.stringify({ query: ADD_TO_CART, variables: { id: PRODUCT_ID } }),
  });

/** Requests a browser sends cross-site without a CORS preflight; each carries the victim's token. */
export const CSRF_CASES: HostileCase[] = [
  ...answered(400, 'BAD_REQUEST', {
    'a text/plain cross-site mutation (CSRF)': crossSiteAddToCart({ 'content-type': 'text/plain' }),
    'a form-encoded cross-site mutation (CSRF)': crossSiteAddToCart({
      'content-type': 'application/x-www-form-urlencoded',
    }),
    'a multipart cross-site mutation (CSRF)': crossSiteAddToCart({
      'content-type': 'multipart/form-data; boundary=x',
    }),
    'a mutation without a content type (CSRF)': crossSiteAddToCart({}),
    'a GET query without a preflight header (CSRF)': () =>
      apiGatewayEvent({ method: 'GET', query: { query: '{ cart { itemCount } }' } }),
  }),
  ...answered(405, 'BAD_REQUEST', {
    'a mutation over GET': (app) =>
      apiGatewayEvent({
        method: 'GET',
        headers: { 'apollo-require-preflight': 'true' },
        token: app.tokenFor(VICTIM),
        query: { query: `mutation { addToCart(productId: "${PRODUCT_ID}") { itemCount } }` },
      }),
  }),
];
