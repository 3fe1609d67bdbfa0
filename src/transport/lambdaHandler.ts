import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createTokenVerifier } from '../auth/tokenVerifier';
import type { AppConfig } from '../config';
import { createDocumentClient } from '../datasources/dynamoClient';
import { PersistedQueryStore } from '../datasources/PersistedQueryStore';
import { CacheHeader } from '../graphql/cacheHeaderPlugin';
import { createContext } from '../graphql/createContext';
import { createApolloServer } from '../graphql/server';
import { createLogger } from '../observability/logger';
import { withRequestLog, type LambdaHandler } from '../observability/requestLog';
import { chargeDynamoCall } from '../observability/requestScope';
import { withTracing } from '../observability/tracing';
import { refuseOversizedBody } from './bodyLimit';
import { identify } from './identify';
import { withJsonErrorResults } from './jsonErrorResults';

/** The Lambda entry point's signature: API Gateway HTTP API (payload 2.0) events. */
export type StoreHandler = LambdaHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

export interface HandlerOptions {
  /** Default: a logger configured by `config.observability`. */
  logger?: Logger;
  /** Called once with the instance's DynamoDB client, before any request (the benchmark adds SDK middleware). */
  onDynamoClient?: (client: DynamoDBDocumentClient) => void;
  /** Default: the system clock. The time that dates comments and places them in rate windows (tests move it). */
  now?: () => Date;
}

/**
 * Builds the Lambda entry point: the composition root, where every layer is wired. Everything
 * expensive (DynamoDB client, token verifier, Apollo server, persisted-query store, logger) is
 * created here, once per Lambda instance; only the context is built per request.
 */
export function createLambdaHandler(config: AppConfig, options: HandlerOptions = {}): StoreHandler {
  const logger = options.logger ?? createLogger(config.observability);
  const dynamo = createDocumentClient(config.dynamodb, { onCommand: chargeDynamoCall });
  options.onDynamoClient?.(dynamo);
  const dependencies = { dynamo, tables: config.tables, ...(options.now ? { now: options.now } : {}) };
  const verifier = createTokenVerifier(config.auth);
  const persistedQueries = new PersistedQueryStore(dynamo, config.tables.persistedQueries);
  const lambdaHandler = startServerAndCreateLambdaHandler(
    createApolloServer({ ...config, logger, persistedQueries }),
    withJsonErrorResults(handlers.createAPIGatewayProxyEventV2RequestHandler(), logger),
    {
      middleware: [refuseOversizedBody(config.limits.maxBodyBytes)],
      context: async ({ event, context }) =>
        createContext(dependencies, await identify(event, verifier), context.awsRequestId),
    },
  );
  // The integration's handler is async and never calls Lambda's legacy callback; this narrower
  // signature lets the local runtime and tests await it like Lambda does.
  const handler: StoreHandler = async (event, context) =>
    storedNowhereByDefault(
      (await lambdaHandler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2,
    );
  const { tracing, serviceName } = config.observability;
  return withRequestLog(logger, tracing ? withTracing(serviceName, dynamo, handler) : handler, {
    dynamoCallLimit: config.limits.maxDynamoCalls,
  });
}

/**
 * GraphQL responses carry the header their cache policy calls for (graphql/cacheHeaderPlugin.ts).
 * What answers before Apollo's pipeline (a 413, a CSRF or malformed-body refusal, a 401, the
 * landing page) has none, and a CDN would otherwise keep some of those by its own defaults.
 */
function storedNowhereByDefault(
  result: APIGatewayProxyStructuredResultV2,
): APIGatewayProxyStructuredResultV2 {
  if (result.headers?.['cache-control'] !== undefined) return result;
  return { ...result, headers: { ...result.headers, 'cache-control': CacheHeader.NoStore } };
}
