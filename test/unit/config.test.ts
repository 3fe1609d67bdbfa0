import { ConfigError, loadConfig } from '../../src/config';
import { TABLE_KEYS } from '../../src/datasources/tableDefinitions';
import { tableVariable } from '../../local/tables';
import { DEFAULT_LIMITS } from '../../src/graphql/operationLimits';

const TABLES = {
  PRODUCTS_TABLE: 'prod-products',
  PRODUCT_LISTINGS_TABLE: 'prod-product-listings',
  CATEGORIES_TABLE: 'prod-categories',
  COMMENTS_TABLE: 'prod-comments',
  CARTS_TABLE: 'prod-carts',
  PROMOTIONS_TABLE: 'prod-promotions',
  ORDERS_TABLE: 'prod-orders',
  RATINGS_TABLE: 'prod-ratings',
  PERSISTED_QUERIES_TABLE: 'prod-persisted-queries',
  RATE_LIMITS_TABLE: 'prod-rate-limits',
};
const COGNITO = { COGNITO_USER_POOL_ID: 'us-east-1_AbCdEfGhI', COGNITO_CLIENT_ID: 'abc123' };

describe('loadConfig', () => {
  test('refuses a configuration without a user pool, in production or not', () => {
    // Act
    const loads = [{ ...TABLES, NODE_ENV: 'production' }, { ...TABLES }].map((env) => () => loadConfig(env));

    // Assess
    for (const load of loads) {
      expect(load).toThrow(ConfigError);
      expect(load).toThrow('Missing environment variable COGNITO_USER_POOL_ID');
    }
  });

  test('refuses a configuration with only half of the Cognito settings', () => {
    // Act
    const load = () => loadConfig({ ...TABLES, NODE_ENV: 'production', COGNITO_USER_POOL_ID: 'us-east-1_X' });

    // Assess
    expect(load).toThrow('Missing environment variable COGNITO_CLIENT_ID');
  });

  test('refuses a production configuration that trusts an emulated pool', () => {
    // Prepare: cognito-local signs with a key published in its package.
    const env = { ...TABLES, ...COGNITO, NODE_ENV: 'production', COGNITO_ENDPOINT: 'http://127.0.0.1:9229' };

    // Act
    const load = () => loadConfig(env);

    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow('NODE_ENV=production verifies Cognito tokens only: unset COGNITO_ENDPOINT');
  });

  test.each(['http://pool.example.com', 'https://10.0.0.5:9229', 'not a url', 'file:///tmp/pool'])(
    'refuses an emulated pool that is not on this machine: %s',
    (endpoint) => {
      // Act
      const load = () => loadConfig({ ...TABLES, ...COGNITO, COGNITO_ENDPOINT: endpoint });

      // Assess: its keys would be fetched over plain HTTP from elsewhere.
      expect(load).toThrow(ConfigError);
      expect(load).toThrow('COGNITO_ENDPOINT must be an emulator on this machine');
    },
  );

  test('reads an emulated pool outside production, with its address', () => {
    // Prepare
    const env = { ...TABLES, ...COGNITO, COGNITO_ENDPOINT: 'http://127.0.0.1:9229' };

    // Act
    const config = loadConfig(env);

    // Assess
    expect(config.auth).toEqual({
      userPoolId: 'us-east-1_AbCdEfGhI',
      clientId: 'abc123',
      endpoint: 'http://127.0.0.1:9229',
    });
  });

  test('reads a complete production configuration', () => {
    // Prepare
    const env = { ...TABLES, ...COGNITO, NODE_ENV: 'production', AWS_REGION: 'eu-west-1' };

    // Act
    const config = loadConfig(env);

    // Assess
    expect(config).toEqual({
      production: true,
      enableSandbox: false,
      tables: {
        products: 'prod-products',
        productListings: 'prod-product-listings',
        categories: 'prod-categories',
        comments: 'prod-comments',
        carts: 'prod-carts',
        promotions: 'prod-promotions',
        orders: 'prod-orders',
        ratings: 'prod-ratings',
        persistedQueries: 'prod-persisted-queries',
        rateLimits: 'prod-rate-limits',
      },
      dynamodb: { region: 'eu-west-1' },
      auth: { userPoolId: 'us-east-1_AbCdEfGhI', clientId: 'abc123' },
      limits: DEFAULT_LIMITS,
      observability: { serviceName: 'store-api', logLevel: 'INFO', tracing: false },
    });
  });

  test('uses a DynamoDB Local endpoint and the Sandbox outside production', () => {
    // Prepare
    const env = {
      ...TABLES,
      ...COGNITO,
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      ENABLE_SANDBOX: 'true',
    };

    // Act
    const config = loadConfig(env);

    // Assess
    expect(config.production).toBe(false);
    expect(config.enableSandbox).toBe(true);
    expect(config.dynamodb).toEqual({ region: 'us-east-1', endpoint: 'http://127.0.0.1:8000' });
  });

  test.each(Object.keys(TABLES))('refuses a configuration without %s', (name) => {
    // Prepare
    const env: Record<string, string | undefined> = { ...TABLES, ...COGNITO, [name]: undefined };

    // Act
    const load = () => loadConfig(env);

    // Assess
    expect(load).toThrow(`Missing environment variable ${name}`);
  });

  test('reads every table of tables.json from the variable tableVariable names', () => {
    // Prepare: the benchmark and other tools build the environment this way.
    const env = Object.fromEntries(TABLE_KEYS.map((key) => [tableVariable(key), `name-of-${key}`]));

    // Act
    const config = loadConfig({ ...env, ...COGNITO });

    // Assess
    expect(Object.keys(env).sort()).toEqual(Object.keys(TABLES).sort());
    expect(config.tables).toEqual(Object.fromEntries(TABLE_KEYS.map((key) => [key, `name-of-${key}`])));
  });
});
