import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startDynamoLocal, type DynamoLocal } from '../../../local/dynamoLocal';
import { checkJava } from '../../../local/java';

/**
 * DynamoDB Local as local/dynamoLocal.ts starts it for `npm start` and the tests: reachable from
 * this machine only, and granting no web page CORS access, so neither the network nor a page open
 * in the developer's browser can read or write the local tables.
 */
const running: DynamoLocal[] = [];

afterAll(async () => {
  await Promise.all(running.map((dynamo) => dynamo.stop()));
});

async function start(runsSourceFiles?: boolean): Promise<{ dynamo: DynamoLocal; port: number }> {
  const java = await checkJava();
  const dynamo = await startDynamoLocal({
    port: 0,
    java: runsSourceFiles === undefined ? java : { ...java, runsSourceFiles },
  });
  running.push(dynamo);
  return { dynamo, port: Number(new URL(dynamo.endpoint).port) };
}

/** This machine's addresses other machines would use (every non-internal interface). */
function networkAddresses(): string[] {
  return Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? []).flatMap((address) => {
      if (address.internal) return [];
      // A link-local IPv6 address is only reachable with its interface named.
      return [address.address.startsWith('fe80:') ? `${address.address}%${name}` : address.address];
    }),
  );
}

function connect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A call as a page's fetch would make it (with an Origin), signed as the SDK would (DynamoDB Local checks the form only). */
function listTables(endpoint: string, method: 'POST' | 'OPTIONS'): Promise<Response> {
  const origin = 'https://some-page.example';
  return fetch(endpoint, {
    method,
    headers:
      method === 'OPTIONS'
        ? {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,x-amz-target',
          }
        : {
            origin,
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': 'DynamoDB_20120810.ListTables',
            authorization:
              'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, ' +
              'SignedHeaders=host, Signature=0',
          },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
}

describe('DynamoDB Local of the local runtime', () => {
  test('answers on 127.0.0.1 and refuses connections on the machine’s network addresses', async () => {
    // Prepare
    const { dynamo, port } = await start();

    // Act
    const loopback = await connect('127.0.0.1', port);
    const fromNetwork = await Promise.all(networkAddresses().map((address) => connect(address, port)));

    // Assess (a machine with no network interface up has no address to refuse on).
    expect(dynamo.loopbackOnly).toBe(true);
    expect(loopback).toBe('connected');
    expect(fromNetwork).toEqual(fromNetwork.map(() => 'ECONNREFUSED'));
  });

  test('grants a web page no CORS access, to a preflight or to a request', async () => {
    // Prepare
    const { dynamo } = await start();

    // Act
    const preflight = await listTables(dynamo.endpoint, 'OPTIONS');
    const request = await listTables(dynamo.endpoint, 'POST');

    // Assess: the request itself works; a browser would just not let the page see or send it.
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(request.status).toBe(200);
    expect(await request.json()).toEqual({ TableNames: [] });
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('where Java cannot run the launcher, says it is on every interface, and still grants no CORS', async () => {
    // Prepare
    const { dynamo, port } = await start(false);

    // Act
    const fromNetwork = await Promise.all(networkAddresses().map((address) => connect(address, port)));
    const request = await listTables(dynamo.endpoint, 'POST');

    // Assess: what `loopbackOnly: false` (and the runtime's warning) claims is what happens.
    expect(dynamo.loopbackOnly).toBe(false);
    expect(fromNetwork).toEqual(fromNetwork.map(() => 'connected'));
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
  });
});
