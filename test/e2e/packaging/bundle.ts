import { builtinModules } from 'node:module';
import { graphqlPost } from '../../support/events';
import { invokeBundledHandler, zippedHandler, type Packaged } from '../../support/serverlessPackage';

/** Modules the bundle may still require at run time: Node's own, and the SDK's optional CRT. */
const OPTIONAL_RUNTIME_REQUIRES = ['@aws-sdk/signature-v4-crt'];

/** The zip Lambda would run; registered by package.test.ts. */
export function bundleTests(packaged: () => Packaged): void {
  test('ships the handler as one bundle, without node_modules', () => {
    // Act
    const entries = [...packaged().zipEntries.keys()];

    // Assess
    expect(entries).toEqual(['src/transport/handler.js']);
    expect(entries.some((entry) => entry.includes('node_modules'))).toBe(false);
  });

  test('bundles every package, the AWS SDK v3 included, and Apollo Server only once', () => {
    // Prepare
    const bundle = zippedHandler(packaged()).toString('utf8');
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

    // Act
    const required = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
    const unbundled = [...new Set(required)].filter(
      (name) => !builtins.has(name) && !OPTIONAL_RUNTIME_REQUIRES.includes(name),
    );

    // Assess
    expect(unbundled).toEqual([]);
    expect(bundle).toContain('DynamoDB_20120810');
    // One copy of ApolloServer: TypeScript imports resolved to its ESM build would add a second
    // copy next to the CommonJS one the Lambda integration requires.
    expect(occurrences(bundle, 'You must `await server.start()`')).toBe(1);
    expect(occurrences(bundle, 'Schema must contain uniquely named types')).toBe(1);
  });

  test('answers a GraphQL POST from the zipped bundle alone, configured as the template configures it', async () => {
    // Prepare
    const event = graphqlPost({ query: '{ __typename }' }, { requestId: 'package-test' });
    const environment = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PRODUCTS_TABLE: 'products',
      COMMENTS_TABLE: 'comments',
      CARTS_TABLE: 'carts',
      PROMOTIONS_TABLE: 'promotions',
      ORDERS_TABLE: 'orders',
      RATINGS_TABLE: 'ratings',
      PERSISTED_QUERIES_TABLE: 'persisted-queries',
      RATE_LIMITS_TABLE: 'rate-limits',
      COGNITO_USER_POOL_ID: 'us-east-1_Example',
      COGNITO_CLIENT_ID: 'example-client',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };

    // Act
    const stdout = await invokeBundledHandler(packaged(), zippedHandler(packaged()), event, environment);

    // Assess: the handler's result is the last line; before it, the request's JSON log line.
    const lines = stdout.split('\n');
    const result = JSON.parse(lines.at(-1) ?? '') as { statusCode?: number; body?: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: { requested: 0, limit: 150, dynamoDbCalls: 0, dynamoDbCallLimit: 200 } },
    });
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ message: 'request', requestId: 'package-test', statusCode: 200 }),
    ]);
  });
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
