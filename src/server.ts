import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import typeDefs from '../schema.graphql';
import type { StoreContext } from './context';
import { ErrorCode } from './errors';
import { resolvers } from './resolvers';

export interface ServerOptions {
  production: boolean;
  enableSandbox: boolean;
}

/** The GraphQL core, shared by the Lambda handler and every test: schema, resolvers, policy. */
export function createApolloServer({ production, enableSandbox }: ServerOptions): ApolloServer<StoreContext> {
  return new ApolloServer<StoreContext>({
    typeDefs,
    resolvers,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    formatError: maskInternalErrors,
    plugins: [
      production && !enableSandbox
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
}

/**
 * Errors without a client-facing code are bugs or infrastructure failures (DynamoDB down,
 * throttled, misconfigured): their messages may name tables or AWS internals, so the client
 * gets a generic message and the cause goes to the log.
 */
function maskInternalErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== ErrorCode.InternalServerError && code !== undefined) return formatted;
  console.error('Unexpected error while serving a GraphQL request', unwrapResolverError(error));
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.InternalServerError },
  };
}
