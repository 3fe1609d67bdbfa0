import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalServer } from '../../../local/localServer';
import { costExtensions } from '../../support/cost';
import { createTestApp, type TestApp } from '../../support/testApp';

describe('the local API Gateway stand-in', () => {
  let app: TestApp;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    app = await createTestApp();
    await app.putProduct({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 });
    server = createLocalServer(app.handler, { corsOrigins: ['https://shop.example'] });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  test('serves a GraphQL POST through the Lambda handler', async () => {
    const response = await fetch(`${url}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ product(id: "lonely-bird") { name price } }' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { product: { name: 'Lonely Bird', price: 2999 } },
      extensions: costExtensions(),
    });
    expect(response.headers.get('apigw-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('passes the Authorization header through so signed-in calls work', async () => {
    const response = await fetch(`${url}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.tokenFor('http-user')}` },
      body: JSON.stringify({ query: 'mutation { addToCart(productId: "lonely-bird") { itemCount } }' }),
    });

    expect(await response.json()).toEqual({
      data: { addToCart: { itemCount: 1 } },
      extensions: costExtensions(),
    });
  });

  test('answers a CORS preflight from an allowed origin itself, since Apollo does no CORS', async () => {
    const response = await fetch(`${url}/query`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,authorization');
  });

  test('gives no CORS grant to an origin outside the allowlist', async () => {
    const response = await fetch(`${url}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ products(first: 1) { nodes { id } } }' }),
    });

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('serves the Sandbox landing page on GET /query for a browser', async () => {
    const response = await fetch(`${url}/query`, { headers: { accept: 'text/html' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<html');
  });

  test('answers 404 for paths other than /query, as API Gateway does', async () => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  test('refuses a body over API Gateway’s 10 MB payload limit with 413', async () => {
    const response = await fetch(`${url}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });

    expect(response.status).toBe(413);
  });
});
