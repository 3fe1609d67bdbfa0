import type { AuthConfig } from './auth/tokenVerifier';
import type { TableNames } from './datasources/tableDefinitions';
import { DEFAULT_LIMITS, LIMIT_ENV, type OperationLimits } from './graphql/operationLimits';
import { LOG_LEVELS, type LogLevel, type ObservabilityConfig } from './observability/logger';

/**
 * All configuration is read here, once per Lambda instance, from the environment that
 * serverless.yml (in AWS) or the local runtime (on a laptop) sets. Nothing else reads
 * `process.env`.
 */
export interface AppConfig {
  /** NODE_ENV=production: no introspection, no sandbox unless asked, no emulated user pool. */
  production: boolean;
  enableSandbox: boolean;
  tables: TableNames;
  dynamodb: { region: string; endpoint?: string };
  auth: AuthConfig;
  /** What one request may ask (body size, depth, aliases, ...): defaults in operationLimits.ts. */
  limits: OperationLimits;
  observability: ObservabilityConfig;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    enableSandbox: env.ENABLE_SANDBOX === 'true',
    tables: {
      products: required(env, 'PRODUCTS_TABLE'),
      productListings: required(env, 'PRODUCT_LISTINGS_TABLE'),
      categories: required(env, 'CATEGORIES_TABLE'),
      comments: required(env, 'COMMENTS_TABLE'),
      carts: required(env, 'CARTS_TABLE'),
      promotions: required(env, 'PROMOTIONS_TABLE'),
      orders: required(env, 'ORDERS_TABLE'),
      ratings: required(env, 'RATINGS_TABLE'),
      persistedQueries: required(env, 'PERSISTED_QUERIES_TABLE'),
      rateLimits: required(env, 'RATE_LIMITS_TABLE'),
    },
    dynamodb: {
      region: env.AWS_REGION ?? 'us-east-1',
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    },
    auth: loadAuthConfig(env, production),
    limits: loadLimits(env),
    observability: loadObservability(env),
  };
}

function loadAuthConfig(env: Env, production: boolean): AuthConfig {
  const userPoolId = required(env, 'COGNITO_USER_POOL_ID');
  const clientId = required(env, 'COGNITO_CLIENT_ID');
  const endpoint = env.COGNITO_ENDPOINT;
  if (!endpoint) return { userPoolId, clientId };
  // An emulator's pool (npm start, tests) signs with a key anyone can read in its package:
  // production trusting one would be a deployment mistake, not a fallback.
  if (production)
    throw new ConfigError('NODE_ENV=production verifies Cognito tokens only: unset COGNITO_ENDPOINT');
  // Its keys are fetched over plain HTTP: only from this machine.
  if (!isLoopbackUrl(endpoint)) {
    throw new ConfigError(
      `COGNITO_ENDPOINT must be an emulator on this machine (http://127.0.0.1:<port>), got "${endpoint}"`,
    );
  }
  return { userPoolId, clientId, endpoint };
}

function isLoopbackUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`Missing environment variable ${name}`);
  return value;
}

/** Each limit from its variable when set (a positive integer), else its documented default. */
function loadLimits(env: Env): OperationLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as Array<keyof OperationLimits>) {
    const name = LIMIT_ENV[key];
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^[1-9][0-9]{0,8}$/.test(value)) {
      throw new ConfigError(`${name} must be a positive integer, got "${value}"`);
    }
    limits[key] = Number(value);
  }
  return limits;
}

function loadObservability(env: Env): ObservabilityConfig {
  const logLevel = (env.LOG_LEVEL ?? 'INFO').toUpperCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  return {
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'store-api',
    logLevel: logLevel as LogLevel,
    tracing: env.TRACING_ENABLED === 'true',
  };
}
