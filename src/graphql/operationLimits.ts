import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

/**
 * What one request may ask of the API. The endpoint is public, so each limit bounds the work an
 * anonymous client can make one Lambda invocation do (OWASP GraphQL Cheat Sheet, "Query limiting").
 * Every value is configurable (`LIMIT_ENV`); the defaults are documented in
 * docs/limits-and-security.md. The cost limit leaves room above the largest page a client may ask
 * for, the home page at 100 products (105; the storefront's own, at 20, costs 25:
 * test/integration/graphql/storefrontPages.test.ts).
 */
export interface OperationLimits {
  /** Request body in bytes, after base64 decoding; larger bodies get 413 before any parsing. */
  maxBodyBytes: number;
  /** Nesting of selection sets, fragments included. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens of the document; the parser stops counting at the limit. */
  maxTokens: number;
  /**
   * The static cost: the DynamoDB calls an operation may make at most, priced from the schema's
   * `@cost` and `@listSize` before anything runs (queryCost.ts, costLimit.ts).
   */
  maxCost: number;
  /**
   * DynamoDB calls one request may make, counted where they are sent (observability/requestScope.ts):
   * the hard bound on the work, and the bill, of any request, whatever the cost estimate says.
   */
  maxDynamoCalls: number;
}

export const DEFAULT_LIMITS: Readonly<OperationLimits> = {
  maxBodyBytes: 64 * 1024,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  // The largest page a client may ask for, the home page at 100 products with their comments and
  // the cart badge, costs 105; the storefront's 20-product home page 25. Nested connections at
  // full size cost thousands and are refused before anything runs.
  maxCost: 150,
  // Above the cost limit: an operation within it cannot reach the budget unless DynamoDB makes a
  // mutation retry (a checkout makes 5 calls per attempt, so about 40 attempts under contention
  // before its own time budget answers a retryable CONFLICT) or leaves a batch unprocessed.
  maxDynamoCalls: 200,
};

/** The environment variable that overrides each limit (a positive integer). */
export const LIMIT_ENV: Readonly<Record<keyof OperationLimits, string>> = {
  maxBodyBytes: 'MAX_BODY_BYTES',
  maxDepth: 'MAX_QUERY_DEPTH',
  maxAliases: 'MAX_QUERY_ALIASES',
  maxDirectives: 'MAX_QUERY_DIRECTIVES',
  maxTokens: 'MAX_QUERY_TOKENS',
  maxCost: 'MAX_QUERY_COST',
  maxDynamoCalls: 'MAX_DYNAMODB_CALLS',
};

export interface ArmorProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * graphql-armor's validation rules for depth, aliases and directives. Its rejections become
 * ordinary validation errors: HTTP 400, `GRAPHQL_VALIDATION_FAILED`, nothing executed.
 *
 * Two of armor's protections are turned off on purpose:
 * - `maxTokens`: armor throws from a plugin hook, outside Apollo's error handling (HTTP 500, no
 *   response hooks). Apollo's own `parseOptions.maxTokens` (server.ts) gives a clean 400
 *   `GRAPHQL_PARSE_FAILED` instead.
 * - `blockFieldSuggestion`: Apollo's `hideSchemaDetailsFromClientErrors` removes the "Did you
 *   mean" hints in production without leaving armor's "[Suggestion hidden]" text behind, and keeps
 *   them for developers locally.
 *
 * Armor's cost counts result nodes and multiplies only by a literal `first`; the cost limit counts
 * DynamoDB calls at every `first`'s real value instead (costLimit.ts), so armor's is off.
 *
 * Introspection (`__schema`) is exempt from depth only where introspection is allowed (local
 * development, where Sandbox's introspection query is deeper than any page); graphql-js's own
 * MaxIntrospectionDepthRule still refuses a `fields { type { fields …` chain past 3 levels. In
 * production Apollo refuses introspection outright and the exemption is off.
 */
export function armorProtection(
  limits: Omit<OperationLimits, 'maxCost'>,
  introspection: boolean,
): ArmorProtection {
  const { plugins, validationRules } = new ApolloArmor({
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: introspection },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // The cost needs the operation's variables, so it is checked after validation: costLimit.ts.
    costLimit: { enabled: false },
  }).protect();
  return { plugins, validationRules };
}
