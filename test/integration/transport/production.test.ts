import type { AppConfig } from '../../../src/config';
import { costExtensions } from '../../support/cost';
import { apiGatewayEvent, graphqlPost } from '../../support/events';
import { LONELY_BIRD, PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { createTestApp, testUserPool } from '../../support/testApp';
import { emulatorSigner, signPoolToken } from '../../../local/poolTokens';

/**
 * The production configuration as loadConfig builds it from serverless.yml: NODE_ENV=production
 * and a Cognito user pool. createTestApp passes these overrides to createLambdaHandler unchanged.
 */
const PRODUCTION: Partial<AppConfig> = {
  ...PRODUCTION_MODE,
  auth: { userPoolId: 'us-east-1_AbCdEfGhI', clientId: 'abc123' },
};

const app = useTestApp({ config: PRODUCTION, products: [LONELY_BIRD] });

describe('the production handler', () => {
  test('refuses an ID token of the local user pool (cognito-local) with 401 UNAUTHENTICATED', async () => {
    // Prepare: a perfectly valid token of the run's emulated pool; the Cognito verifier rejects its
    // foreign issuer before looking up any key, so no network call is made.
    const localToken = signPoolToken(emulatorSigner(testUserPool()), { sub: 'alice', name: 'Alice' });

    // Act
    const result = await app.invoke(graphqlPost({ query: '{ cart { itemCount } }' }, { token: localToken }));

    // Assess
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body ?? '')).toEqual({
      errors: [{ message: 'The token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  test('serves public reads to anonymous callers', async () => {
    // Act
    const result = await app.graphql({ query: '{ products(first: 1) { nodes { id price } } }' });

    // Assess
    expect(result).toMatchObject({
      status: 200,
      body: { data: { products: { nodes: [{ id: 'lonely-bird', price: 2999 }] } } },
    });
  });

  test('refuses introspection', async () => {
    // Act
    const result = await app.graphql({ query: '{ __schema { types { name } } }' });

    // Assess
    expect(result.status).toBe(400);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]?.message).toMatch(/^GraphQL introspection is not allowed/);
    expect(result.body.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      validationErrorCode: 'INTROSPECTION_DISABLED',
    });
  });

  test('does not suggest field names to a client guessing the schema', async () => {
    // Act
    const result = await app.graphql({ query: '{ prodcts { nodes { id } } }' });

    // Assess
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Cannot query field "prodcts" on type "Query".');
  });

  test('gives a browser GET no Sandbox landing page', async () => {
    // Act
    const result = await app.invoke(apiGatewayEvent({ method: 'GET', headers: { accept: 'text/html' } }));

    // Assess
    expect(result.statusCode).toBe(400);
    expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(result.body).not.toMatch(/<html|sandbox/i);
  });

  test('serves the Sandbox landing page when the configuration enables it', async () => {
    // Prepare
    const withSandbox = await createTestApp({ ...PRODUCTION, enableSandbox: true });

    // Act
    const result = await withSandbox.invoke(
      apiGatewayEvent({ method: 'GET', headers: { accept: 'text/html' } }),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe('text/html');
  });

  test('allows introspection where Sandbox is enabled (the dev stage): Sandbox reads the schema with it', async () => {
    // Prepare
    const withSandbox = await createTestApp({ ...PRODUCTION, enableSandbox: true });

    // Act
    const result = await withSandbox.graphql({ query: '{ __schema { queryType { name } } }' });

    // Assess
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
      extensions: costExtensions(),
    });
  });
});
