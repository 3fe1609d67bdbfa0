import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backoff } from '../shared/backoff';

/** BatchGetItem accepts at most 100 keys per call. */
export const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 8;

type Key = Record<string, string>;

/**
 * Reads up to 100 keys of one table. DynamoDB may return part of a batch as `UnprocessedKeys`
 * (throttling, 16 MB response cap); those are asked again with backoff, as the API reference
 * recommends, until all are read or the attempts run out. `consistentRead` (twice the read cost)
 * is for read-then-write decisions such as checkout's stock check.
 */
export async function batchGetAll<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  { consistentRead = false }: { consistentRead?: boolean } = {},
): Promise<T[]> {
  if (keys.length > BATCH_GET_LIMIT) {
    throw new RangeError(`batchGetAll takes at most ${BATCH_GET_LIMIT} keys`);
  }
  const found: T[] = [];
  let pending: Key[] = [...keys];
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt === MAX_ATTEMPTS) {
      throw new Error(`BatchGetItem left ${pending.length} keys unprocessed on ${tableName}`);
    }
    if (attempt > 0) await backoff(attempt);
    const output = await client.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { Keys: pending, ...(consistentRead ? { ConsistentRead: true } : {}) } },
      }),
    );
    found.push(...((output.Responses?.[tableName] ?? []) as T[]));
    pending = (output.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
  }
  return found;
}
