import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { graphqlPost } from '../../support/events';
import { invokeBundledHandler, zippedHandler, type Packaged } from '../../support/serverlessPackage';
import { HANDLER_ENTRY, invokeUnpackedHandler, unpackArtifact } from './unpackedArtifact';

/** Modules the bundle may still require at run time: Node's own, and the SDK's optional CRT. */
const OPTIONAL_RUNTIME_REQUIRES = ['@aws-sdk/signature-v4-crt'];

/** The files beside the handler that it loads at first use (build/lazyPackages.mjs, lazyPackages). */
const LAZY_FILE = /^src\/transport\/lazy\/[a-z0-9-]+\.js$/;
const TRACER_FILE = 'src/transport/lazy/aws-lambda-powertools-tracer.js';
const SHARED_CONFIG_FILE_PROVIDER = 'src/transport/lazy/aws-sdk-credential-provider-ini.js';

/** The performance issue's budget for the bundle every cold start parses: 1 MiB. */
const BUNDLE_BUDGET_BYTES = 1_048_576;

/** The template's environment, with values for its references (see the invocation tests). */
const ENVIRONMENT = {
  NODE_ENV: 'production',
  PRODUCTS_TABLE: 'products',
  PRODUCT_LISTINGS_TABLE: 'product-listings',
  CATEGORIES_TABLE: 'categories',
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

/** The zip Lambda would run; registered by package.test.ts. */
export function bundleTests(packaged: () => Packaged): void {
  let taskDir: string | undefined;
  /** The zip, unpacked once for the tests that run it whole. */
  const task = () => (taskDir ??= unpackArtifact(packaged()));
  const text = (entry: string) => packaged().zipEntries.get(entry)?.toString('utf8') ?? '';

  test('ships the handler as one bundle, beside it only the packages it loads at first use, without node_modules', () => {
    // Prepare
    const entries = [...packaged().zipEntries.keys()];

    // Act: the files the handler requires, and those they require in turn.
    const reached = new Set([HANDLER_ENTRY]);
    for (const entry of reached) {
      for (const file of relativeRequires(text(entry))) {
        reached.add(path.posix.join(path.posix.dirname(entry), file));
      }
    }

    // Assess
    expect(entries).toContain(HANDLER_ENTRY);
    expect(entries.filter((entry) => entry !== HANDLER_ENTRY && !LAZY_FILE.test(entry))).toEqual([]);
    expect(entries.some((entry) => entry.includes('node_modules'))).toBe(false);
    expect([...reached].sort()).toEqual([...entries].sort());
    // X-Ray and the SDK's credential providers past the environment are never parsed unless used.
    expect(entries).toEqual(expect.arrayContaining([TRACER_FILE, SHARED_CONFIG_FILE_PROVIDER]));
    expect(text(HANDLER_ENTRY)).not.toContain('AWS_XRAY_DAEMON_ADDRESS');
    expect(text(TRACER_FILE)).toContain('AWS_XRAY_DAEMON_ADDRESS');
    expect(text(HANDLER_ENTRY)).not.toContain('AssumeRoleWithWebIdentity');
  });

  test('bundles every package, the AWS SDK v3 included, and Apollo Server only once, within 1 MiB', () => {
    // Prepare
    const bundle = zippedHandler(packaged()).toString('utf8');
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

    // Act
    const unbundled = [...packaged().zipEntries.keys()].flatMap((entry) => {
      const required = [...text(entry).matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
      return [...new Set(required)].filter(
        (name) => !builtins.has(name) && !OPTIONAL_RUNTIME_REQUIRES.includes(name) && !name.startsWith('./'),
      );
    });

    // Assess
    expect(unbundled).toEqual([]);
    expect(bundle).toContain('DynamoDB_20120810');
    // One copy of ApolloServer: its CommonJS and ES module builds both bundled would be two.
    expect(occurrences(bundle, 'You must `await server.start()`')).toBe(1);
    expect(occurrences(bundle, 'Schema must contain uniquely named types')).toBe(1);
    expect(bundle.length).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });

  test('answers a GraphQL POST from the zipped bundle alone, configured as the template configures it', async () => {
    // Prepare
    const event = graphqlPost({ query: '{ __typename }' }, { requestId: 'package-test' });
    const environment = { PATH: process.env.PATH ?? '', ...ENVIRONMENT };

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

  test.each([
    ['true', [HANDLER_ENTRY, TRACER_FILE]],
    ['false', [HANDLER_ENTRY]],
  ])(
    'with TRACING_ENABLED=%s, loads the X-Ray tracer from its own file only then',
    async (tracing, loaded) => {
      // Prepare
      const event = graphqlPost({ query: '{ __typename }' }, { requestId: 'package-test' });

      // Act
      const { result, loadedFiles } = await invokeUnpackedHandler(task(), event, {
        PATH: process.env.PATH ?? '',
        ...ENVIRONMENT,
        TRACING_ENABLED: tracing,
      });

      // Assess
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body ?? '')).toMatchObject({ data: { __typename: 'Query' } });
      expect(loadedFiles.sort()).toEqual([...loaded].sort());
    },
  );

  describe('signs DynamoDB calls with the credentials of the default chain', () => {
    let dynamo: FakeDynamo | undefined;
    beforeAll(async () => {
      dynamo = await startFakeDynamo();
    });
    afterAll(() => dynamo?.close());

    test.each([
      {
        source: 'the environment, as Lambda sets it, loading nothing beside the bundle',
        keyId: 'AKIDFROMENVIRONMENT',
        loaded: [HANDLER_ENTRY],
        credentials: (): Record<string, string> => ({
          AWS_ACCESS_KEY_ID: 'AKIDFROMENVIRONMENT',
          AWS_SECRET_ACCESS_KEY: 'environment-secret',
          AWS_SESSION_TOKEN: 'environment-session',
        }),
      },
      {
        source: "a shared profile, from the chain's lazily loaded files",
        keyId: 'AKIDFROMSHAREDPROFILE',
        loaded: [HANDLER_ENTRY, SHARED_CONFIG_FILE_PROVIDER],
        credentials: (): Record<string, string> => {
          const awsDir = path.join(task(), '..', 'aws-config');
          mkdirSync(awsDir, { recursive: true });
          writeFileSync(path.join(awsDir, 'config'), '[profile store-api-test]\nregion = us-east-1\n');
          writeFileSync(
            path.join(awsDir, 'credentials'),
            '[store-api-test]\naws_access_key_id = AKIDFROMSHAREDPROFILE\naws_secret_access_key = profile-secret\n',
          );
          return {
            AWS_PROFILE: 'store-api-test',
            AWS_CONFIG_FILE: path.join(awsDir, 'config'),
            AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
          };
        },
      },
    ])('from $source', async ({ keyId, loaded, credentials }) => {
      // Prepare
      const event = graphqlPost({ query: '{ products(first: 1) { nodes { id } } }' });
      const home = path.join(task(), '..', 'home');
      mkdirSync(home, { recursive: true });

      // Act
      const { result, loadedFiles } = await invokeUnpackedHandler(task(), event, {
        PATH: process.env.PATH ?? '',
        HOME: home,
        ...ENVIRONMENT,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo?.endpoint,
        ...credentials(),
      });

      // Assess
      expect(JSON.parse(result.body ?? '')).toMatchObject({ data: { products: { nodes: [] } } });
      expect(dynamo?.requests.at(-1)?.authorization).toContain(`Credential=${keyId}/`);
      expect(loadedFiles.sort()).toEqual([...loaded].sort());
    });
  });
}

/** The `./...` files a bundle requires, relative to its folder. */
function relativeRequires(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\("(\.\/[^"]+)"\)/g)].map((match) => match[1] ?? ''))];
}

interface FakeDynamo {
  endpoint: string;
  requests: IncomingHttpHeaders[];
  close(): void;
}

/** A DynamoDB endpoint on loopback that records each request's headers and finds nothing. */
async function startFakeDynamo(): Promise<FakeDynamo> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    requests.push(request.headers);
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/x-amz-json-1.0');
      response.end(JSON.stringify({ Items: [], Count: 0, ScannedCount: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, requests, close: () => server.close() };
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
