import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sha256Hex } from '../shared/hash';

/**
 * What the store keeps, and for how long: the bound on what anyone can make it hold.
 *
 * Apollo registers a query only after it has parsed and passed validation (the token, depth,
 * alias, directive and cost limits), so every entry is an operation this API would run anyway.
 * Each entry is at most `maxQueryBytes` and expires `ttlSeconds` after its last registration, so
 * the table holds at most (registrations per second, capped by API Gateway's throttling) ×
 * `ttlSeconds` × `maxQueryBytes`, and one registration costs at most `maxQueryBytes` / 1 KB write
 * units. Each Lambda instance also keeps up to `memoryBytes` of recently used entries.
 */
export interface PersistedQueryBounds {
  ttlSeconds: number;
  maxQueryBytes: number;
  memoryBytes: number;
}

export const DEFAULT_PERSISTED_QUERY_BOUNDS: Readonly<PersistedQueryBounds> = {
  // A day: a query the storefront still uses is registered again by its next client after a
  // miss (one extra round trip per query per day); one nobody uses any more is gone by then.
  ttlSeconds: 24 * 60 * 60,
  // The storefront's largest page document is under 2 KB. Larger documents still run; they are
  // just never stored, so their clients keep sending them in full.
  maxQueryBytes: 8 * 1024,
  memoryBytes: 2 * 1024 * 1024,
};

/** A key is the query's sha256 in lower-case hex: what Apollo computes, and nothing else. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Item layout: partition key `hash`; `expiresAt` (epoch seconds) is the table's TTL attribute.
 */
interface PersistedQueryItem {
  hash: string;
  query: string;
  expiresAt: number;
}

/**
 * Apollo's automatic persisted queries (APQ), shared by every Lambda instance through one
 * DynamoDB table, so a cold instance already knows the hashes its siblings registered.
 *
 * Entries are content-addressed (the key is the hash of the value), so an entry can never be
 * stale: the in-memory layer needs no invalidation, and an entry is only ever re-written with the
 * same text (which extends its life). Reads check `expiresAt` because DynamoDB deletes expired
 * items lazily, up to a few days late, and check the hash of what they read, so a damaged item
 * is a miss rather than a different query run under a trusted hash.
 *
 * Apollo starts `set` without awaiting it; `flush` lets the request wait for its registration,
 * because Lambda may freeze the instance as soon as the response is returned.
 */
export class PersistedQueryStore implements KeyValueCache<string> {
  private readonly memory: InMemoryLRUCache<string>;
  private readonly pendingWrites = new Set<Promise<unknown>>();

  constructor(
    private readonly dynamo: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly bounds: Readonly<PersistedQueryBounds> = DEFAULT_PERSISTED_QUERY_BOUNDS,
    private readonly nowMs: () => number = Date.now,
  ) {
    for (const [name, value] of Object.entries(bounds)) {
      if (!Number.isInteger(value) || value <= 0) {
        throw new RangeError(`PersistedQueryStore: ${name} must be a positive integer, got ${value}`);
      }
    }
    this.memory = new InMemoryLRUCache<string>({ maxSize: bounds.memoryBytes });
  }

  /** The query registered under `hash`, or undefined (unknown, expired or not a sha256 at all). */
  async get(hash: string): Promise<string | undefined> {
    if (!SHA256_HEX.test(hash)) return undefined;
    const remembered = await this.memory.get(hash);
    if (remembered !== undefined) return remembered;
    // Access pattern: GetItem by partition key. An eventually consistent read may miss a
    // registration made a moment ago on another instance; the client then simply registers again.
    const { Item } = await this.dynamo.send(new GetCommand({ TableName: this.tableName, Key: { hash } }));
    const item = Item as Partial<PersistedQueryItem> | undefined;
    const nowSeconds = this.nowMs() / 1000;
    if (typeof item?.query !== 'string' || typeof item.expiresAt !== 'number') return undefined;
    if (item.expiresAt <= nowSeconds || sha256Hex(item.query) !== hash) return undefined;
    await this.memory.set(hash, item.query, { ttl: Math.ceil(item.expiresAt - nowSeconds) });
    return item.query;
  }

  /** Registers `query` under `hash` for at most `bounds.ttlSeconds`; over-long queries are not kept. */
  async set(hash: string, query: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!SHA256_HEX.test(hash) || Buffer.byteLength(query, 'utf8') > this.bounds.maxQueryBytes) return;
    const ttl = options?.ttl && options.ttl > 0 ? Math.min(options.ttl, this.bounds.ttlSeconds) : undefined;
    const ttlSeconds = ttl ?? this.bounds.ttlSeconds;
    const item: PersistedQueryItem = {
      hash,
      query,
      expiresAt: Math.floor(this.nowMs() / 1000) + ttlSeconds,
    };
    // An unconditional Put: the same hash always carries the same text, so a second registration
    // only moves the expiry forward. Started and tracked before the first `await`, so a `flush`
    // called right after `set` already waits for it.
    const write = this.dynamo.send(new PutCommand({ TableName: this.tableName, Item: item }));
    this.pendingWrites.add(write);
    try {
      await this.memory.set(hash, query, { ttl: ttlSeconds });
      await write;
    } finally {
      this.pendingWrites.delete(write);
    }
  }

  /**
   * Entries are never deleted, they expire: Apollo's APQ never deletes, and the function's IAM
   * role has no DeleteItem on this table.
   */
  async delete(): Promise<boolean> {
    throw new Error('Persisted queries expire; they are never deleted');
  }

  /** Resolves once every write started so far has ended, whether it succeeded or not. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pendingWrites]);
  }
}
