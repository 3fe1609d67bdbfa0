import { ConfigError, loadConfig } from '../../src/config';
import { DEFAULT_LIMITS, LIMIT_ENV } from '../../src/graphql/operationLimits';

const BASE = {
  PRODUCTS_TABLE: 'p',
  PRODUCT_LISTINGS_TABLE: 'pl',
  CATEGORIES_TABLE: 'cat',
  COMMENTS_TABLE: 'c',
  CARTS_TABLE: 'k',
  PROMOTIONS_TABLE: 'm',
  ORDERS_TABLE: 'o',
  RATINGS_TABLE: 'r',
  PERSISTED_QUERIES_TABLE: 'q',
  RATE_LIMITS_TABLE: 'l',
  COGNITO_USER_POOL_ID: 'us-east-1_AbCdEfGhI',
  COGNITO_CLIENT_ID: 'abc123',
};

describe('loadConfig, limits and observability', () => {
  test('uses the documented defaults when nothing is set', () => {
    // Act
    const config = loadConfig(BASE);

    // Assess
    expect(config.limits).toEqual({
      maxBodyBytes: 65536,
      maxDepth: 10,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 1000,
      maxCost: 150,
      maxDynamoCalls: 200,
    });
    expect(config.observability).toEqual({ serviceName: 'store-api', logLevel: 'INFO', tracing: false });
  });

  test('reads every limit from its own variable', () => {
    // Prepare
    const env = {
      ...BASE,
      ...Object.fromEntries(Object.values(LIMIT_ENV).map((name, index) => [name, `${index + 1}`])),
    };

    // Act
    const { limits } = loadConfig(env);

    // Assess
    expect(Object.values(limits)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Object.keys(limits)).toEqual(Object.keys(DEFAULT_LIMITS));
  });

  test.each(['0', '-1', '1.5', '10kb', ' 10', '1e3', '99999999999'])('refuses a limit of "%s"', (value) => {
    // Act
    const load = () => loadConfig({ ...BASE, MAX_QUERY_DEPTH: value });

    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`MAX_QUERY_DEPTH must be a positive integer, got "${value}"`);
  });

  test('reads the service name, log level and tracing switch', () => {
    // Act
    const config = loadConfig({
      ...BASE,
      POWERTOOLS_SERVICE_NAME: 'shop',
      LOG_LEVEL: 'debug',
      TRACING_ENABLED: 'true',
    });

    // Assess
    expect(config.observability).toEqual({ serviceName: 'shop', logLevel: 'DEBUG', tracing: true });
  });

  test('refuses an unknown log level', () => {
    // Act
    const load = () => loadConfig({ ...BASE, LOG_LEVEL: 'VERBOSE' });

    // Assess
    expect(load).toThrow(
      'LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL, SILENT, got "VERBOSE"',
    );
  });
});
