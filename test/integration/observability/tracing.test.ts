import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { graphqlPost, lambdaContext } from '../../support/events';
import { createTestApp } from '../../support/testApp';

/**
 * Tracing is configuration: with TRACING_ENABLED the handler sends X-Ray subsegments (to the
 * daemon Lambda runs next to the function: here a UDP socket of the test's own), without it the
 * tracer is never loaded. The Lambda environment is simulated with the variables Lambda sets.
 */
const TRACE_ID = '1-5759e988-bd862e3fe1be46a994272793';
const LAMBDA_ENV = {
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  LAMBDA_TASK_ROOT: '/var/task',
  AWS_LAMBDA_FUNCTION_NAME: 'store-api-dev-api',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  _X_AMZN_TRACE_ID: `Root=${TRACE_ID};Parent=53995c3f42cd8ad8;Sampled=1`,
  AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
};

let daemon: Socket;
const received: string[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => received.push(message.toString('utf8')));
  daemon.bind(0, '127.0.0.1');
  await once(daemon, 'listening');
  Object.assign(process.env, LAMBDA_ENV, {
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
  });
});

afterAll(() => {
  process.env = saved;
  daemon.close();
});

/** The X-Ray documents received: each datagram is a JSON header line, then the segment. */
function documents(): Array<Record<string, unknown>> {
  return received.map((datagram) => JSON.parse(datagram.split('\n')[1] ?? '{}') as Record<string, unknown>);
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('tracing', () => {
  test('when enabled, sends a handler subsegment annotated with the operation, and one per DynamoDB call', async () => {
    // Prepare
    const app = await createTestApp({
      observability: { serviceName: 'store-api', logLevel: 'SILENT', tracing: true },
    });
    await app.putProduct({ id: 'lonely-bird', name: 'Lonely Bird' });
    received.length = 0;

    // Act
    const result = await app.handler(
      graphqlPost({ query: 'query Bird { product(id: "lonely-bird") { name } }' }),
      lambdaContext('traced'),
    );
    await settle();

    // Assess
    expect(result.statusCode).toBe(200);
    const handler = documents().find((document) => document.name === '## handler');
    expect(handler).toMatchObject({
      trace_id: TRACE_ID,
      parent_id: '53995c3f42cd8ad8',
      annotations: { ColdStart: true, Service: 'store-api', operationName: 'Bird' },
    });
    expect(documents()).toContainEqual(
      expect.objectContaining({
        name: 'DynamoDB',
        parent_id: handler?.id,
        aws: expect.objectContaining({ operation: 'BatchGetItem' }),
      }),
    );
  });

  test('when disabled, sends nothing and answers the same', async () => {
    // Prepare
    const app = await createTestApp();
    await app.putProduct({ id: 'lonely-bird', name: 'Lonely Bird' });
    received.length = 0;

    // Act
    const result = await app.handler(
      graphqlPost({ query: '{ product(id: "lonely-bird") { name } }' }),
      lambdaContext('untraced'),
    );
    await settle();

    // Assess
    expect(JSON.parse(result.body ?? '')).toEqual({ data: { product: { name: 'Lonely Bird' } } });
    expect(received).toEqual([]);
  });
});
