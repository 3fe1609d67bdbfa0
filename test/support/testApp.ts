import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AppConfig } from '../../src/config';
import { createDocumentClient } from '../../src/datasources/dynamoClient';
import type { ProductRecord } from '../../src/datasources/models';
import { ProductStore } from '../../src/datasources/ProductStore';
import { PromotionStore } from '../../src/datasources/PromotionStore';
import { TABLE_KEYS, type TableKey, type TableNames } from '../../src/datasources/tableDefinitions';
import { createLambdaHandler, type StoreHandler } from '../../src/transport/lambdaHandler';
import { emulatorSigner, signPoolToken, type PoolSigner, type TokenClaims } from '../../local/poolTokens';
import type { LocalUserPool } from '../../local/userPool';
import { ensureTables } from '../../local/tables';
import { DEFAULT_LIMITS } from '../../src/graphql/operationLimits';
import {
  graphqlPost,
  lambdaContext,
  type GraphQLPostOptions,
  type GraphQLRequest,
  type LambdaResult,
} from './events';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Record<string, unknown>;
  body: {
    data?: TData | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
    /** `cost` on every response the GraphQL server answers (docs/limits-and-security.md). */
    extensions?: { cost?: Record<string, unknown> } & Record<string, unknown>;
  };
}

/**
 * The real Lambda handler (createLambdaHandler, exactly what `handler` exports) over freshly
 * created, uniquely named tables in the shared DynamoDB Local, verifying the run's user pool's tokens.
 */
export interface TestApp {
  /** What the handler was built from: another createLambdaHandler(config) is a second instance. */
  config: AppConfig;
  tables: TableNames;
  db: DynamoDBDocumentClient;
  /** Mints ID tokens of the run's user pool (test/support/globalSetup.ts), as the pool signs them. */
  signer: PoolSigner;
  handler: StoreHandler;
  invoke(event: APIGatewayProxyEventV2): Promise<LambdaResult>;
  graphql<TData = Record<string, unknown>>(
    request: GraphQLRequest,
    options?: GraphQLPostOptions,
  ): Promise<GraphQLResponse<TData>>;
  tokenFor(userId: string, name?: string, claims?: Partial<TokenClaims>): string;
  putProduct(product: Partial<ProductRecord> & Pick<ProductRecord, 'id'>): Promise<ProductRecord>;
  putPromotion(code: string, percentage: number): Promise<void>;
  /** Every item of a table: for asserting that a refused request changed nothing. */
  scan(table: TableKey): Promise<Array<Record<string, unknown>>>;
  snapshot(): Promise<Record<TableKey, Array<Record<string, unknown>>>>;
}

/** A handler's result with its JSON body parsed (`{}` when there is none). */
export function parseResult<TData = Record<string, unknown>>(result: LambdaResult): GraphQLResponse<TData> {
  return {
    status: result.statusCode ?? 200,
    headers: result.headers ?? {},
    body: JSON.parse(result.body ?? '{}') as GraphQLResponse<TData>['body'],
  };
}

/** A product record with putProduct's defaults: the fields a test does not care about. */
export function productRecord(fields: Partial<ProductRecord> & Pick<ProductRecord, 'id'>): ProductRecord {
  return {
    name: `Product ${fields.id}`,
    code: fields.id.toUpperCase(),
    price: 1000,
    stock: 50,
    commentCount: 0,
    ratingSum: 0,
    ratingCount: 0,
    archived: false,
    categories: [],
    createdAt: new Date().toISOString(),
    // As createProduct writes one: carrying its (no) recent comments.
    recentComments: {},
    ...fields,
  };
}

/** The run's user pool, in cognito-local (test/support/globalSetup.ts). */
export function testUserPool(): LocalUserPool {
  const {
    TEST_COGNITO_ENDPOINT: endpoint,
    TEST_COGNITO_USER_POOL_ID: userPoolId,
    TEST_COGNITO_CLIENT_ID: clientId,
  } = process.env;
  if (!endpoint || !userPoolId || !clientId)
    throw new Error('The test user pool is unset: run the tests through jest');
  return { endpoint, userPoolId, clientId };
}

export function endpoint(): string {
  const value = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!value) throw new Error('TEST_DYNAMODB_ENDPOINT is unset: run the tests through jest');
  return value;
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const tables = Object.fromEntries(TABLE_KEYS.map((key) => [key, `${prefix}-${key}`])) as TableNames;
  // A test may point the app at its own DynamoDB Local (the fault test stops and restarts one).
  const dynamodb = overrides.dynamodb ?? { region: 'us-east-1', endpoint: endpoint() };
  await ensureTables(
    new DynamoDBClient({ ...dynamodb, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    tables,
  );
  const pool = testUserPool();
  const signer = emulatorSigner(pool);
  const config: AppConfig = {
    production: false,
    enableSandbox: false,
    tables,
    dynamodb,
    auth: pool,
    limits: DEFAULT_LIMITS,
    // Silent unless a test is about the logs: it passes its own observability settings.
    observability: { serviceName: 'store-api-test', logLevel: 'SILENT', tracing: false },
    ...overrides,
  };
  const handler = createLambdaHandler(config);
  const db = createDocumentClient(dynamodb);
  const invoke = (event: APIGatewayProxyEventV2) => handler(event, lambdaContext());

  const scan = async (table: TableKey) => {
    const output = await db.send(new ScanCommand({ TableName: tables[table], ConsistentRead: true }));
    return (output.Items ?? []).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  return {
    config,
    tables,
    db,
    signer,
    handler,
    invoke,
    graphql: async <TData>(request: GraphQLRequest, options?: GraphQLPostOptions) =>
      parseResult<TData>(await invoke(graphqlPost(request, options))),
    tokenFor: (userId, name, claims = {}) =>
      signPoolToken(signer, { sub: userId, ...(name ? { name } : {}), ...claims }),
    async putProduct(product) {
      const record = productRecord(product);
      await new ProductStore(db, tables).put(record);
      return record;
    },
    putPromotion: (code, percentage) =>
      new PromotionStore(db, tables.promotions).put({ code, kind: 'PERCENTAGE', value: percentage }),
    scan,
    async snapshot() {
      const entries = await Promise.all(TABLE_KEYS.map(async (key) => [key, await scan(key)] as const));
      return Object.fromEntries(entries) as Record<TableKey, Array<Record<string, unknown>>>;
    },
  };
}
