import type { ApolloServerPlugin, GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { CachePolicy } from '@apollo/cache-control-types';
import { OperationTypeNode } from 'graphql';
import type { StoreContext } from '../resolvers/context';

/** The `Cache-Control` values this API sends (docs/caching.md, "Cache-Control"). */
export const CacheHeader = {
  /** Never stored anywhere: mutations, errors, and anything not cacheable. */
  NoStore: 'no-store',
  /** About the caller: no shared cache may keep it, and the browser need not either. */
  PrivateNoStore: 'private, no-store',
} as const;

export interface ResponseFacts {
  /** Undefined when the request failed before Apollo knew its operation (syntax, validation). */
  operationType: OperationTypeNode | undefined;
  signedIn: boolean;
  hasErrors: boolean;
  /** The most restrictive `@cacheControl` hint among the fields resolved (Apollo computes it). */
  policy: Pick<CachePolicy, 'policyIfCacheable'>;
}

/**
 * The `Cache-Control` header of one GraphQL response. Only an anonymous, error-free query whose
 * every field is public and cacheable may be kept by a shared cache (a CDN in front of GET
 * requests with a persisted-query hash): a signed-in caller's response may depend on who asks
 * (`isSelected`, `cart`) even when its hints say otherwise, so it is always private.
 */
export function cacheHeaderFor({ operationType, signedIn, hasErrors, policy }: ResponseFacts): string {
  if (operationType !== OperationTypeNode.QUERY) return CacheHeader.NoStore;
  if (signedIn) return CacheHeader.PrivateNoStore;
  if (hasErrors) return CacheHeader.NoStore;
  const cacheable = policy.policyIfCacheable();
  if (!cacheable) return CacheHeader.NoStore;
  if (cacheable.scope === 'PRIVATE') return CacheHeader.PrivateNoStore;
  return `public, max-age=${cacheable.maxAge}`;
}

/**
 * Sets the header from `cacheHeaderFor` on every response of the GraphQL pipeline. Apollo's cache
 * control plugin computes the policy but, left to set headers itself, would mark a signed-in
 * caller's public-looking response `public`, and send nothing at all for some uncacheable ones.
 *
 * A header already set is Apollo's own answer to the persisted-query protocol
 * (`private, no-cache, must-revalidate` on PERSISTED_QUERY_NOT_FOUND) and is kept. A public
 * response varies by `Authorization`: a shared cache may otherwise answer a signed-in request
 * with the anonymous copy (HTTP lets it, for `public` responses), `isSelected` all false.
 */
export function cacheHeaderPlugin(): ApolloServerPlugin<StoreContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation, contextValue, overallCachePolicy }) {
          const { headers } = response.http;
          if (headers.has('cache-control')) return;
          const value = cacheHeaderFor({
            operationType: operation?.operation,
            signedIn: contextValue.caller !== null,
            hasErrors:
              response.body.kind !== 'single' || (response.body.singleResult.errors?.length ?? 0) > 0,
            policy: overallCachePolicy,
          });
          headers.set('cache-control', value);
          if (value.startsWith('public')) headers.set('vary', 'authorization');
        },
      };
    },
  };
}

/**
 * Whether a request's overall cache policy can change its header: `cacheHeaderFor` reads the
 * policy only for an anonymous query; a mutation is never stored and a signed-in caller's answer
 * is always private, whatever the hints say.
 */
export function cachePolicyMatters({
  operation,
  contextValue,
}: {
  /** Apollo types it as always set, but an operation name the document lacks leaves it unset. */
  operation: GraphQLRequestContextExecutionDidStart<StoreContext>['operation'] | undefined;
  contextValue: StoreContext;
}): boolean {
  // No operation (an operation name the document lacks) fails execution: never stored either.
  return operation?.operation === OperationTypeNode.QUERY && contextValue.caller === null;
}

/**
 * Apollo's cache control plugin (each response's policy from the schema's `@cacheControl` hints; a
 * field without one is uncacheable: defaultMaxAge 0), left to `cacheHeaderPlugin` for the header,
 * and run only where the policy can change that header (`cachePolicyMatters`). Apollo computes the
 * policy in a hook around every field resolver: a fifth of a signed-in warm home page (1.0–1.7 ms
 * of 4.2–6.0 ms, npm run bench's warm harness, 2026-11-29). Skipped for signed-in callers and
 * mutations, it leaves the schema's resolvers unwrapped in an instance that only serves them.
 * Resolvers reach the policy through `maybeCacheControlFromInfo`, which is undefined there. The
 * plugin keeps Apollo's internal id, so Apollo does not install its default one too.
 */
export function cachePolicyPlugin(): ApolloServerPlugin<StoreContext> {
  const apollo = ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: false });
  return {
    ...apollo,
    async requestDidStart(requestContext) {
      const listener = await apollo.requestDidStart?.(requestContext);
      const executionDidStart = listener?.executionDidStart;
      if (!listener || !executionDidStart) return listener;
      return {
        ...listener,
        async executionDidStart(executionContext) {
          if (!cachePolicyMatters(executionContext)) return undefined;
          return executionDidStart.call(listener, executionContext);
        },
      };
    },
  };
}
