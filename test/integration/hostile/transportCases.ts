import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { httpEvent } from '../../support/httpEvents';
import { ADD_TO_CART, json, jsonOfSize, PRODUCT_ID, VICTIM, type HostileCase } from './hostileRequest';

/** Requests that are not well-formed GraphQL-over-HTTP, or that a browser sends cross-site. */
export const TRANSPORT_CASES: HostileCase[] = [
  {
    name: 'a truncated JSON body',
    event: () => json('{"query": "{ products'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'JSON followed by garbage',
    event: () => json('{"query":"{ __typename }"} x'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a base64 body that decodes to broken JSON',
    event: () =>
      httpEvent({
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"query":').toString('base64'),
        isBase64Encoded: true,
      }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'an empty body', event: () => json(''), status: 400, code: 'BAD_REQUEST' },
  { name: 'a JSON null body', event: () => json('null'), status: 400, code: 'BAD_REQUEST' },
  { name: 'a JSON string body', event: () => json('"{ __typename }"'), status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty JSON object', event: () => json('{}'), status: 400, code: 'BAD_REQUEST' },
  { name: 'a body without a query', event: () => json('{"variables":{}}'), status: 400, code: 'BAD_REQUEST' },
  { name: 'a numeric query', event: () => json('{"query":42}'), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a query given as a syntax tree',
    event: () => json('{"query":{"kind":"Document","definitions":[]}}'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'variables given as a JSON string',
    event: () => json('{"query":"{ __typename }","variables":"{}"}'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a non-string operationName',
    event: () => json('{"query":"{ __typename }","operationName":7}'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a batched array of operations',
    event: () => json(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }])),
    status: 400,
    code: 'BAD_REQUEST',
    message: /^Operation batching disabled/,
  },
  {
    name: `a body one byte over ${DEFAULT_LIMITS.maxBodyBytes} bytes`,
    event: () => json(jsonOfSize(DEFAULT_LIMITS.maxBodyBytes + 1)),
    status: 413,
    code: 'BAD_REQUEST',
    message: /^The request body is larger than 65536 bytes$/,
  },
  {
    name: 'a base64 body over the limit once decoded',
    event: () =>
      httpEvent({
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(DEFAULT_LIMITS.maxBodyBytes + 1, ' ').toString('base64'),
        isBase64Encoded: true,
      }),
    status: 413,
    code: 'BAD_REQUEST',
    message: /^The request body is larger than 65536 bytes$/,
  },
  {
    name: 'an unknown HTTP method',
    event: () =>
      httpEvent({
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }),
    status: 405,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an application/graphql body',
    event: () => httpEvent({ headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an XML body',
    event: () => httpEvent({ headers: { 'content-type': 'application/xml' }, body: '<query/>' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown persisted-query hash',
    event: () =>
      json(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
    // The APQ protocol answers 200 and lets the client read the code.
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
];

/** Requests a browser sends cross-site without a CORS preflight; each carries the victim's token. */
export const CSRF_CASES: HostileCase[] = (
  [
    ['text/plain', 'a text/plain'],
    ['application/x-www-form-urlencoded', 'a form-encoded'],
    ['multipart/form-data; boundary=x', 'a multipart'],
  ] as const
).map(([contentType, what]) => ({
  name: `${what} cross-site mutation (CSRF)`,
  event: (app) =>
    httpEvent({
      headers: { 'content-type': contentType, authorization: `Bearer ${app.tokenFor(VICTIM)}` },
      body: JSON.stringify({ query: ADD_TO_CART, variables: { id: PRODUCT_ID } }),
    }),
  status: 400,
  code: 'BAD_REQUEST',
}));
CSRF_CASES.push(
  {
    name: 'a mutation without a content type (CSRF)',
    event: (app) =>
      httpEvent({
        headers: { authorization: `Bearer ${app.tokenFor(VICTIM)}` },
        body: JSON.stringify({ query: ADD_TO_CART, variables: { id: PRODUCT_ID } }),
      }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET query without a preflight header (CSRF)',
    event: () => httpEvent({ method: 'GET', query: { query: '{ cart { itemCount } }' } }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a mutation over GET',
    event: (app) =>
      httpEvent({
        method: 'GET',
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${app.tokenFor(VICTIM)}` },
        query: { query: `mutation { addToCart(productId: "${PRODUCT_ID}") { itemCount } }` },
      }),
    status: 405,
    code: 'BAD_REQUEST',
  },
);
