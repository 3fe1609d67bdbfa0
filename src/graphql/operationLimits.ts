import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

/**
 * What one request may ask of the API. The endpoint is public, so each limit bounds the work an
 * anonymous client can make one Lambda invocation do (OWASP GraphQL Cheat Sheet, "Query limiting").
 * Every value is configurable (`LIMIT_ENV`); the defaults are documented in docs/limits-and-security.md, and the cost
 * limit is chosen so the storefront's heaviest page, the home page, costs about half of it
 * (test/integration/graphql/storefrontPages.test.ts).
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
  /** graphql-armor's static cost (see `armorProtection`). */
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
  // Every `first` counts at its real value (pageSizeCost.ts). The largest home page a client may
  // ask for, 100 products with 3 comments each (as edges), costs about 25,800; the storefront's
  // 20-product page about 5,200. Nested connections at full size cost millions and are refused.
  maxCost: 50_000,
  // The largest page a client may ask for, 100 products with their comments, the cart and its
  // products, makes about 105 calls; a checkout makes 4 per attempt, so about 40 attempts under
  // contention before its own time budget answers a retryable CONFLICT.
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
 * graphql-armor's validation rules for depth, aliases, directives and cost. Its rejections become
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
 * The cost uses armor's formula (1 per scalar, 2 per object, children weighted ×1.5 per level, a
 * selection multiplied by its `first`), but runs once variables are known, with every `first`
 * at the value it will really have (pageSizeCost.ts): a `first: $n` or a default cannot hide.
 *
 * Introspection (`__schema`) is exempt from depth and cost only where introspection is allowed
 * (local development, where Sandbox's introspection query is deeper than any page); in production
 * Apollo refuses introspection outright and the exemption is off.
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
    // The cost needs the operation's variables, so it is checked after validation: pageSizeCost.ts.
    costLimit: { enabled: false },
  }).protect();
  return { plugins, validationRules };
}
