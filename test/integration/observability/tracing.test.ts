import { costExtensions } from '../../support/cost';
import { graphqlPost, lambdaContext } from '../../support/events';
import { LONELY_BIRD } from '../../support/fixtures';
import { createTestApp, type TestApp } from '../../support/testApp';
import { startXRayDaemon, type XRayDaemon, type XRayDocument } from '../../support/xrayDaemon';

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

let daemon: XRayDaemon;
const saved = { ...process.env };

beforeAll(async () => {
  daemon = await startXRayDaemon();
  Object.assign(process.env, LAMBDA_ENV, { AWS_XRAY_DAEMON_ADDRESS: daemon.address });
});

afterAll(async () => {
  process.env = saved;
  await daemon.close();
});

/** An app over a catalogue of one product, with tracing on or off. */
async function appWithBird(tracing: boolean): Promise<TestApp> {
  const app = await createTestApp({
    observability: { serviceName: 'store-api', logLevel: 'SILENT', tracing },
  });
  await app.putProduct(LONELY_BIRD);
  return app;
}

/** The handler subsegment of the operation named `operationName`, once received. */
function handlerOf(documents: XRayDocument[], operationName: string): XRayDocument | undefined {
  return documents.find(
    (document) =>
      document.name === '## handler' &&
      (document.annotations as Record<string, unknown> | undefined)?.operationName === operationName,
  );
}

describe('tracing', () => {
  test('when enabled, sends a handler subsegment annotated with the operation, and one per DynamoDB call', async () => {
    // Prepare
    const app = await appWithBird(true);
    daemon.clear();

    // Act
    const result = await app.handler(
      graphqlPost({ query: 'query Bird { product(id: "lonely-bird") { name } }' }),
      lambdaContext('traced'),
    );
    const documents = await daemon.waitFor(
      'handler subsegment and DynamoDB subsegment under it',
      (received) => {
        const handler = handlerOf(received, 'Bird');
        return received.some(
          (document) => document.name === 'DynamoDB' && document.parent_id === handler?.id,
        );
      },
    );

    // Assess
    expect(result.statusCode).toBe(200);
    const handler = handlerOf(documents, 'Bird');
    expect(handler).toMatchObject({
      trace_id: TRACE_ID,
      parent_id: '53995c3f42cd8ad8',
      annotations: { ColdStart: true, Service: 'store-api', operationName: 'Bird' },
    });
    expect(documents).toContainEqual(
      expect.objectContaining({
        name: 'DynamoDB',
        parent_id: handler?.id,
        aws: expect.objectContaining({ operation: 'BatchGetItem' }),
      }),
    );
  });

  test('when disabled, sends nothing and answers the same', async () => {
    // Prepare: a traced request sent after the untraced one is the fence: once its subsegment is
    // in, anything the untraced request had sent to the same socket would be in before it.
    const app = await appWithBird(false);
    const fence = await appWithBird(true);
    daemon.clear();

    // Act
    const result = await app.handler(
      graphqlPost({ query: '{ product(id: "lonely-bird") { name } }' }),
      lambdaContext('untraced'),
    );
    await fence.handler(graphqlPost({ query: 'query Fence { __typename }' }), lambdaContext('fence'));
    const documents = await daemon.waitFor('subsegment of the fence request', (received) =>
      Boolean(handlerOf(received, 'Fence')),
    );

    // Assess
    expect(JSON.parse(result.body ?? '')).toEqual({
      data: { product: { name: 'Lonely Bird' } },
      extensions: costExtensions(),
    });
    const fenceHandler = handlerOf(documents, 'Fence');
    expect(
      documents.filter((document) => document !== fenceHandler && document.parent_id !== fenceHandler?.id),
    ).toEqual([]);
  });
});
