import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import typeDefs from '../../schema.graphql';
import type { StoreContext } from '../../src/resolvers/context';
import { resolvers } from '../../src/resolvers';
import { storeContextFunction, type PeerFactory } from './storeSetup';

/**
 * BASELINE, NEVER SHIPPED: stock Apollo Server on Lambda, as @as-integrations/aws-lambda's README
 * shows it — `new ApolloServer({ typeDefs, resolvers })` with every default (Apollo's own plugins,
 * landing page, cache control, CSRF prevention, in-memory document cache), then
 * `startServerAndCreateLambdaHandler` with the API Gateway HTTP API (payload 2.0) request handler
 * and a context function. Same schema, resolvers and context as ours (./storeSetup.ts); what it
 * lacks is what src/graphql/server.ts and src/transport/lambdaHandler.ts add (operation limits,
 * cost limit, persisted queries, error masking, request log, cache headers) and what
 * esbuild.config.mjs does to the bundle: bench/build.mjs bundles it with esbuild's plain
 * `--bundle --minify --platform=node`.
 */
export const createPeerHandler: PeerFactory = (env, options = {}) => {
  const contextFor = storeContextFunction(env, options);
  const server = new ApolloServer<StoreContext>({ typeDefs, resolvers });
  const handler = startServerAndCreateLambdaHandler(
    server,
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    { context: ({ event, context }) => contextFor(event, context) },
  );
  // The integration's handler is async and never calls Lambda's legacy callback.
  return async (event, context) =>
    (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2;
};
