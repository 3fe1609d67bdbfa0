import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  createTokenVerifier,
  InvalidTokenError,
  type Caller,
  type TokenVerifier,
} from '../auth/tokenVerifier';
import { CacheHeader } from '../graphql/cacheHeaderPlugin';
import type { AppConfig } from '../config';
import { createContext } from '../graphql/context';
import { createDocumentClient } from '../datasources/dynamoClient';
import { PersistedQueryStore } from '../datasources/PersistedQueryStore';
import { invalidToken } from '../shared/errors';
import { refuseOversizedBody } from './bodyLimit';
import { withJsonErrorResults } from './jsonErrorResults';
import { createLogger } from '../observability/logger';
import { withRequestLog } from '../observability/requestLog';
import { countDynamoCall } from '../observability/requestScope';
import { withTracing } from '../observability/tracing';
import { createApolloServer } from '../graphql/server';

/**
 * Builds the Lambda entry point for API Gateway HTTP API (payload 2.0) events. Everything
 * expensive (DynamoDB client, token verifier, Apollo server, persisted-query store, logger) is
 * created here, once per Lambda instance; only the context is built per request.
 */
export type StoreHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface HandlerOptions {
  /** Default: a logger configured by `config.observability`. */
  logger?: Logger;
  /** Called once with the instance's DynamoDB client, before any request (the benchmark adds SDK middleware). */
  onDynamoClient?: (client: DynamoDBDocumentClient) => void;
}

export function createLambdaHandler(config: AppConfig, options: HandlerOptions = {}): StoreHandler {
  const logger = options.logger ?? createLogger(config.observability);
  const dynamo = createDocumentClient(config.dynamodb, { onCommand: countDynamoCall });
  options.onDynamoClient?.(dynamo);
  const dependencies = { dynamo, tables: config.tables };
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
  return withRequestLog(logger, tracing ? withTracing(serviceName, dynamo, handler) : handler);
}

/**
 * No Authorization header: an anonymous caller (public reads still work). A header that is not a
 * valid Bearer token is rejected outright with 401 rather than downgraded to anonymous, so a
 * client with an expired session learns it instead of seeing an empty cart.
 */
async function identify(event: APIGatewayProxyEventV2, verifier: TokenVerifier): Promise<Caller | null> {
  const header = event.headers?.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([^\s,]+)$/i.exec(header.trim());
  if (!match?.[1]) throw invalidToken();
  try {
    return await verifier.verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw invalidToken();
    throw error;
  }
}

/**
 * GraphQL responses carry the header their cache policy calls for (caching/cacheHeaderPlugin.ts).
 * What answers before Apollo's pipeline (a 413, a CSRF or malformed-body refusal, a 401, the
 * landing page) has none, and a CDN would otherwise keep some of those by its own defaults.
 */
function storedNowhereByDefault(
  result: APIGatewayProxyStructuredResultV2,
): APIGatewayProxyStructuredResultV2 {
  if (result.headers?.['cache-control'] !== undefined) return result;
  return { ...result, headers: { ...result.headers, 'cache-control': CacheHeader.NoStore } };
}
