import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createSchema, createYoga } from 'graphql-yoga';
import typeDefs from '../../schema.graphql';
import type { StoreContext } from '../../src/resolvers/context';
import { resolvers } from '../../src/resolvers';
import { storeContextFunction, type PeerFactory } from './storeSetup';

/**
 * BASELINE, NEVER SHIPPED: GraphQL Yoga on Lambda, as its "Integration with AWS Lambda" recipe
 * shows it — `createYoga({ schema: createSchema({ typeDefs, resolvers }) })` with every default
 * (GraphiQL, CORS, error masking, parse and validation caches), and a handler that turns the
 * payload 2.0 event into a Fetch request for `yoga.fetch`, passing the event and the Lambda
 * context as the server context. The v5 recipe maps a payload 2.0 event (a function URL's) this
 * way and streams the answer; API Gateway HTTP APIs, like ours, cannot stream, so the answer is
 * returned buffered as in the recipe's earlier (v3, v4) versions: status, headers, `text()`.
 * Same schema, resolvers and context as ours (./storeSetup.ts); bench/build.mjs bundles it with
 * esbuild's plain `--bundle --minify --platform=node`.
 */
interface ServerContext {
  event: APIGatewayProxyEventV2;
  lambdaContext: Context;
}

export const createPeerHandler: PeerFactory = (env, options = {}) => {
  const contextFor = storeContextFunction(env, options);
  const yoga = createYoga<ServerContext, StoreContext>({
    graphqlEndpoint: '/query',
    schema: createSchema<ServerContext & StoreContext>({ typeDefs, resolvers }),
    context: ({ event, lambdaContext }) => contextFor(event, lambdaContext),
  });
  return async (event, lambdaContext) => {
    const response = await yoga.fetch(
      `https://${event.requestContext.domainName}${event.requestContext.http.path}?${event.rawQueryString}`,
      {
        method: event.requestContext.http.method,
        headers: event.headers as Record<string, string>,
        body: event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64') : event.body,
      },
      { event, lambdaContext },
    );
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: await response.text(),
      isBase64Encoded: false,
    };
  };
};
