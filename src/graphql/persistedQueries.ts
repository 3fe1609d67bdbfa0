import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@aws-lambda-powertools/logger';
import { currentRequestScope } from '../observability/requestScope';

/** Where registered queries live (PersistedQueryStore in the Lambda): bounded, and shared. */
export interface PersistedQueryCache extends KeyValueCache<string> {
  /** Resolves once every registration started so far has been written, or has failed. */
  flush(): Promise<void>;
}

export interface PersistedQuerySetup {
  /** Apollo's `persistedQueries` option. */
  options: { cache: KeyValueCache<string> };
  plugin: ApolloServerPlugin<BaseContext>;
}

/**
 * Automatic persisted queries (Apollo's APQ protocol) over `cache`:
 *
 * - The cache is an optimisation, never a dependency: a failed lookup is answered as a miss
 *   (PERSISTED_QUERY_NOT_FOUND, so the client sends the full query and is served), and a failed
 *   registration still serves the request. Both are logged at WARN with the request id.
 * - Apollo starts a registration without awaiting it. The plugin makes the response wait for it,
 *   because Lambda may freeze the instance as soon as the handler returns, and the client's next
 *   hash-only request may reach another instance that must find it in the table.
 * - Apollo prefixes keys (`apq:`) so one cache can serve several purposes; this cache holds only
 *   persisted queries, so its keys stay the bare hashes the store validates.
 */
export function persistedQuerySetup(cache: PersistedQueryCache, logger: Logger): PersistedQuerySetup {
  const warn = (message: string, error: unknown) =>
    logger.warn(message, { requestId: currentRequestScope()?.requestId, error });
  const resilient: KeyValueCache<string> = {
    async get(key) {
      try {
        return await cache.get(key);
      } catch (error) {
        warn('Persisted query lookup failed; answered as unknown', error);
        return undefined;
      }
    },
    async set(key, value, options) {
      try {
        await cache.set(key, value, options);
      } catch (error) {
        warn('Persisted query registration failed; the request is served anyway', error);
      }
    },
    delete: (key) => cache.delete(key),
  };
  return {
    options: { cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(resilient) },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ metrics }) {
            if (metrics.persistedQueryRegister) await cache.flush();
          },
        };
      },
    },
  };
}
