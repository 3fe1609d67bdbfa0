import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from '@aws-lambda-powertools/logger';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildASTSchema } from 'graphql';
import { schemaDocument, validatedAtBuild } from './schemaDocument';
import { cacheHeaderPlugin, cachePolicyPlugin } from './cacheHeaderPlugin';
import { persistedQuerySetup, type PersistedQueryCache, type PersistedQuerySetup } from './persistedQueries';
import type { StoreContext } from '../resolvers/context';
import { createErrorFormatter } from './errorFormatter';
import { apolloLogger, createLogger } from '../observability/logger';
import { operationNamePlugin } from '../observability/operationNamePlugin';
import { armorProtection, DEFAULT_LIMITS, type OperationLimits } from './operationLimits';
import { costLimitPlugin } from './costLimit';
import { resolvers } from '../resolvers';

export interface ServerOptions {
  production: boolean;
  enableSandbox: boolean;
  /** Default: DEFAULT_LIMITS. */
  limits?: OperationLimits;
  /** Where internal errors' causes go. Default: a logger of the `store-api` service. */
  logger?: Logger;
  /**
   * The shared, bounded store of automatic persisted queries (the Lambda handler passes a
   * PersistedQueryStore). Without one, APQ is off: never Apollo's default per-instance cache.
   */
  persistedQueries?: PersistedQueryCache;
}

/** The GraphQL core, shared by the Lambda handler and every test: schema, resolvers, policy. */
export function createApolloServer({
  production,
  enableSandbox,
  limits = DEFAULT_LIMITS,
  logger = createLogger({ serviceName: 'store-api', logLevel: 'INFO' }),
  persistedQueries,
}: ServerOptions): ApolloServer<StoreContext> {
  // Sandbox explores the schema through introspection, so a stage that serves Sandbox (dev)
  // allows it; any other production stage refuses both.
  const introspection = !production || enableSandbox;
  const armor = armorProtection(limits, introspection);
  const apq = persistedQueries ? persistedQuerySetup(persistedQueries, logger) : undefined;
  return new ApolloServer<StoreContext>({
    // Built directly with resolvers attached in place: given typeDefs, Apollo would merge the SDL
    // and then copy the whole schema to attach resolvers, which costs ~8 ms of every cold start.
    // In the bundle the SDL arrives parsed and validated by the build (schemaDocument.ts).
    schema: makeExecutableSchema({
      typeDefs: buildASTSchema(schemaDocument, { assumeValidSDL: validatedAtBuild }),
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
    // Automatic persisted queries: clients may send only a query's sha256, and GET requests
    // carrying one can be cached by a CDN. Apollo's default store, an in-memory cache per
    // instance, would let anyone fill memory and would be empty on every cold start; ours is a
    // DynamoDB table bounded by a TTL and an entry size (datasources/PersistedQueryStore.ts),
    // and Apollo registers only documents that passed every limit below.
    persistedQueries: apq ? apq.options : false,
    // The parser stops at the limit, before building a syntax tree from a flood of tokens.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armor.validationRules,
    formatError: createErrorFormatter(logger),
    logger: apolloLogger(logger),
    plugins: serverPlugins({ maxCost: limits.maxCost, introspection, armorPlugins: armor.plugins, apq }),
  });
}

interface PluginOptions {
  maxCost: number;
  /** Also decides the Sandbox landing page on GET, which explores the schema by introspection. */
  introspection: boolean;
  armorPlugins: ApolloServerPlugin[];
  apq: PersistedQuerySetup | undefined;
}

/**
 * The server's plugins, in order. Exported for the unit test that keeps usage reporting, schema
 * reporting and inline traces disabled, which the bundle's stub of Apollo's reporting code relies
 * on (build/apolloPatches.mjs, STUB_APOLLO_USAGE_REPORTING).
 */
export function serverPlugins({
  maxCost,
  introspection,
  armorPlugins,
  apq,
}: PluginOptions): ApolloServerPlugin<StoreContext>[] {
  return [
    ...armorPlugins,
    costLimitPlugin(maxCost),
    operationNamePlugin(),
    ...(apq ? [apq.plugin] : []),
    introspection
      ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
      : ApolloServerPluginLandingPageDisabled(),
    // Nothing is ever reported to Apollo Studio, even if APOLLO_KEY (or
    // APOLLO_SCHEMA_REPORTING=true) appears in the environment. This also lets the bundle replace
    // Apollo's reporting code with a stub to start faster: without these three plugins, setting
    // APOLLO_KEY would make every request fail.
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    // Computes each response's cache policy from the schema's @cacheControl hints (a field
    // without one is uncacheable: defaultMaxAge 0); cacheHeaderPlugin turns it into the
    // Cache-Control header, because Apollo's own header would call a signed-in caller's response
    // public. Apollo wraps every resolver to do this (~20 % of a warm request by npm run bench):
    // the price of letting a CDN answer anonymous reads instead of this function, so it runs only
    // for anonymous queries, the only responses whose header the policy can change.
    cachePolicyPlugin(),
    cacheHeaderPlugin(),
  ];
}
