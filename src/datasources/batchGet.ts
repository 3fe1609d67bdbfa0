import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { retry, RETRY, type RetryClock } from '../shared/retry';

/** BatchGetItem accepts at most 100 keys per call. */
export const BATCH_GET_LIMIT = 100;

type Key = Record<string, string>;

export interface BatchGetOptions {
  /** Twice the read cost: for read-then-write decisions such as checkout's stock check. */
  consistentRead?: boolean;
  clock?: RetryClock;
}

/**
 * Reads up to 100 keys of one table. DynamoDB may return part of a batch as `UnprocessedKeys`
 * (throttling, 16 MB response cap); those are asked again with backoff, as the API reference
 * recommends, until all are read or the attempts run out.
 */
export async function batchGetAll<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  { consistentRead = false, clock }: BatchGetOptions = {},
): Promise<T[]> {
  if (keys.length > BATCH_GET_LIMIT) {
    throw new RangeError(`batchGetAll takes at most ${BATCH_GET_LIMIT} keys`);
  }
  const found: T[] = [];
  let pending: Key[] = [...keys];
  if (pending.length === 0) return found;
  return retry(
    async () => {
      const output = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: { Keys: pending, ...(consistentRead ? { ConsistentRead: true } : {}) },
          },
        }),
      );
      found.push(...((output.Responses?.[tableName] ?? []) as T[]));
      pending = (output.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
      return pending.length === 0 ? found : RETRY;
    },
    {
      maxAttempts: 8,
      baseMs: 10,
      capMs: 200,
      exhausted: () => new Error(`BatchGetItem left ${pending.length} keys unprocessed on ${tableName}`),
    },
    clock,
  );
}
