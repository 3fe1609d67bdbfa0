import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from '@aws-lambda-powertools/logger';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema } from 'graphql';
import typeDefs from '../schema.graphql';
import type { StoreContext } from './context';
import { createErrorFormatter } from './errorFormatter';
import { apolloLogger, createLogger } from './observability/logger';
import { operationNamePlugin } from './observability/operationNamePlugin';
import { armorProtection, DEFAULT_LIMITS, type OperationLimits } from './operationLimits';
import { resolvers } from './resolvers';

export interface ServerOptions {
  production: boolean;
  enableSandbox: boolean;
  /** Default: DEFAULT_LIMITS. */
  limits?: OperationLimits;
  /** Where internal errors' causes go. Default: a logger of the `store-api` service. */
  logger?: Logger;
}

/** The GraphQL core, shared by the Lambda handler and every test: schema, resolvers, policy. */
export function createApolloServer({
  production,
  enableSandbox,
  limits = DEFAULT_LIMITS,
  logger = createLogger({ serviceName: 'store-api', logLevel: 'INFO' }),
}: ServerOptions): ApolloServer<StoreContext> {
  const introspection = !production;
  const armor = armorProtection(limits, introspection);
  return new ApolloServer<StoreContext>({
    // Built directly with resolvers attached in place: given typeDefs, Apollo would merge the SDL
    // and then copy the whole schema to attach resolvers, which costs ~8 ms of every cold start.
    schema: makeExecutableSchema({
      typeDefs: buildSchema(typeDefs),
      resolvers,
      updateResolversInPlace: true,
    }),
    introspection,
    // Never, in any mode: a stack trace names files, packages and sometimes data.
    includeStacktraceInErrorResponses: false,
    // In production, no "Did you mean …?" hints that would let a client map a hidden schema.
    hideSchemaDetailsFromClientErrors: production,
    // Explicit although it is Apollo's default: one HTTP request is one operation, so every limit
    // above applies per request and cannot be multiplied by an array of operations.
    allowBatchedHttpRequests: false,
    // Automatic persisted queries are off: no client of this API uses them, and they would let
    // anyone fill the instance's memory cache with documents of their choosing.
    persistedQueries: false,
    // The parser stops at the limit, before building a syntax tree from a flood of tokens.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armor.validationRules,
    formatError: createErrorFormatter(logger),
    logger: apolloLogger(logger),
    plugins: [
      ...armor.plugins,
      operationNamePlugin(),
      production && !enableSandbox
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // Nothing is ever reported to Apollo Studio, even if APOLLO_KEY appears in the environment.
      // This also lets the bundle replace Apollo's reporting code with a stub to start faster:
      // without these two plugins, setting APOLLO_KEY would make every request fail.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint yet; left on, Apollo wraps every resolver to compute a cache
      // policy nobody reads (~10 % of a warm request, measured by npm run bench).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
