import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalServer } from '../../../local/localServer';
import { createTestApp, type TestApp } from '../../support/testApp';

/** CORS as the local runtime answers it, for `*` (the local default) and for an allowlist. */
let app: TestApp;
const servers: Server[] = [];

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

async function serve(corsOrigins: string[]): Promise<string> {
  const server = createLocalServer(app.handler, { corsOrigins });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/query`;
}

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'content-type',
  },
});

describe('the local runtime’s CORS', () => {
  test('with any origin allowed, grants `*` and never credentials', async () => {
    // Prepare
    const url = await serve(['*']);

    // Act
    const response = await fetch(url, preflight('https://anywhere.example'));

    // Assess
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('with an allowlist, echoes an allowed origin, varies on it, and never grants credentials', async () => {
    // Prepare
    const url = await serve(['https://shop.example', 'https://admin.shop.example']);

    // Act
    const response = await fetch(url, preflight('https://admin.shop.example'));

    // Assess
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.shop.example');
    expect(response.headers.get('vary')).toBe('origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('with an allowlist, grants nothing to another origin’s preflight', async () => {
    // Prepare
    const url = await serve(['https://shop.example']);

    // Act
    const response = await fetch(url, preflight('https://shop.example.evil.test'));

    // Assess
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
