import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../local/tables';
import { TABLE_KEYS, type TableKey } from '../src/datasources/tableDefinitions';
import { compareKeys, parseKeyCondition, type Item } from './keyCondition';

/**
 * An in-memory stand-in for the few DynamoDB read operations a page needs (GetItem, BatchGetItem,
 * and Query with a partition-key equality and an optional sort key condition, bench/keyCondition.ts,
 * on a table or index), answering the JSON protocol the SDK speaks
 * (`x-amz-target: DynamoDB_20120810.<Operation>`). It holds a snapshot of items read from
 * DynamoDB Local after seeding them through the real stores, so the data (and its layout) is
 * exactly what the datasources wrote.
 *
 * Why a fake at all: cold start and warm timings must measure framework cost, not DynamoDB Local's
 * latency (a JVM shared with other jobs). Every variant — ours, the lower bound, the peers, the
 * unbundled handler — reads this same data through the same SDK client configuration, so what
 * remains different between them is the code in between.
 */
export type { Item };

export interface FixtureAnswer {
  status: number;
  body: string;
}

interface KeySchema {
  hash: string;
  range?: string;
}

interface FixtureTable {
  name: string;
  key: KeySchema;
  indexes: Map<string, KeySchema>;
  byKey: Map<string, Item>;
  /** Per key schema (the table's, under '', and each index's): items by partition, in sort order. */
  partitions: Map<string, Map<string, Item[]>>;
}

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'DynamoDB_20120810.';

export class FixtureDynamo {
  private readonly tables = new Map<string, FixtureTable>();
  /** Calls answered, by operation: lets the bench check that variants make the same calls. */
  readonly calls = new Map<string, number>();

  constructor(tableNames: Readonly<Record<TableKey, string>>, items: Readonly<Record<TableKey, Item[]>>) {
    for (const key of TABLE_KEYS) {
      const definition = createTableInput(key, tableNames[key]);
      const indexes = new Map<string, KeySchema>();
      for (const index of [
        ...(definition.GlobalSecondaryIndexes ?? []),
        ...(definition.LocalSecondaryIndexes ?? []),
      ]) {
        if (index.IndexName && index.KeySchema) indexes.set(index.IndexName, keySchemaOf(index.KeySchema));
      }
      const schema = keySchemaOf(definition.KeySchema ?? []);
      const tableItems = items[key];
      const partitions = new Map<string, Map<string, Item[]>>();
      for (const [indexName, indexSchema] of [['', schema] as const, ...indexes]) {
        partitions.set(indexName, partitionsOf(indexSchema, tableItems));
      }
      this.tables.set(tableNames[key], {
        name: tableNames[key],
        key: schema,
        indexes,
        byKey: new Map(tableItems.map((item) => [keyOf(schema, item), item])),
        partitions,
      });
    }
  }

  /** Answers one JSON-protocol call, as DynamoDB would for these operations. */
  answer(target: string | undefined, body: string): FixtureAnswer {
    const operation = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    try {
      const input = JSON.parse(body) as Record<string, unknown>;
      const output =
        operation === 'GetItem'
          ? this.getItem(input)
          : operation === 'BatchGetItem'
            ? this.batchGetItem(input)
            : operation === 'Query'
              ? this.query(input)
              : unsupported(`operation ${operation || '(none)'}`);
      return { status: 200, body: JSON.stringify(output) };
    } catch (error) {
      return {
        status: 400,
        body: JSON.stringify({
          __type: 'com.amazon.coral.validate#ValidationException',
          message: error instanceof Error ? error.message : String(error),
        }),
      };
    }
  }

  resetCalls(): void {
    this.calls.clear();
  }

  private table(name: unknown): FixtureTable {
    const table = typeof name === 'string' ? this.tables.get(name) : undefined;
    if (!table) throw new Error(`Requested resource not found: table ${String(name)}`);
    return table;
  }

  private getItem(input: Record<string, unknown>): object {
    const table = this.table(input.TableName);
    const item = table.byKey.get(keyOf(table.key, input.Key as Item));
    return item ? { Item: item } : {};
  }

  private batchGetItem(input: Record<string, unknown>): object {
    const requests = input.RequestItems as Record<string, { Keys: Item[] }>;
    const responses: Record<string, Item[]> = {};
    for (const [name, { Keys }] of Object.entries(requests)) {
      const table = this.table(name);
      responses[name] = Keys.flatMap((key) => {
        const item = table.byKey.get(keyOf(table.key, key));
        return item ? [item] : [];
      });
    }
    return { Responses: responses, UnprocessedKeys: {} };
  }

  /** A partition-key equality, optionally with a sort key condition (bench/keyCondition.ts). */
  private query(input: Record<string, unknown>): object {
    const table = this.table(input.TableName);
    const indexName = input.IndexName as string | undefined;
    const schema = indexName ? table.indexes.get(indexName) : table.key;
    if (!schema) throw new Error(`The table does not have the specified index: ${indexName}`);
    const condition = parseKeyCondition(
      String(input.KeyConditionExpression),
      (input.ExpressionAttributeNames ?? {}) as Record<string, string>,
      (input.ExpressionAttributeValues ?? {}) as Item,
    );
    const { attribute, value } = condition.partition;
    if (attribute !== schema.hash) return unsupported('a condition on a non-key attribute');
    const sortKey = condition.sortKey;
    if (sortKey && sortKey.attribute !== schema.range)
      return unsupported('a condition on a non-key attribute');

    const partition = table.partitions.get(indexName ?? '')?.get(JSON.stringify(value)) ?? [];
    const inRange = sortKey ? partition.filter((item) => sortKey.test(item[sortKey.attribute])) : partition;
    const matching = input.ScanIndexForward === false ? [...inRange].reverse() : inRange;
    const range = schema.range;
    const start = input.ExclusiveStartKey as Item | undefined;
    const from = start
      ? matching.findIndex((item) => Object.entries(start).every(([name, v]) => sameValue(item[name], v))) + 1
      : 0;
    const limit = typeof input.Limit === 'number' ? input.Limit : Number.POSITIVE_INFINITY;
    const items = matching.slice(from, from + limit);
    const last = items.at(-1);
    const more = from + items.length < matching.length;
    const keyNames = [table.key.hash, table.key.range, schema.hash, range].filter(
      (name): name is string => name !== undefined,
    );
    return {
      Items: items,
      Count: items.length,
      ScannedCount: items.length,
      ...(more && last
        ? { LastEvaluatedKey: Object.fromEntries(keyNames.map((name) => [name, last[name]])) }
        : {}),
    };
  }
}

/** Serves a FixtureDynamo over HTTP on a free loopback port: what `DYNAMODB_ENDPOINT` points at. */
export async function serveFixture(fixture: FixtureDynamo): Promise<{ endpoint: string; close(): void }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.headers['x-amz-target'];
      const { status, body } = fixture.answer(
        Array.isArray(target) ? target[0] : target,
        Buffer.concat(chunks).toString('utf8'),
      );
      response.writeHead(status, {
        'content-type': JSON_CONTENT_TYPE,
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('No port assigned');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function keySchemaOf(elements: ReadonlyArray<{ AttributeName?: string; KeyType?: string }>): KeySchema {
  const hash = elements.find((element) => element.KeyType === 'HASH')?.AttributeName;
  const range = elements.find((element) => element.KeyType === 'RANGE')?.AttributeName;
  if (!hash) throw new Error('A key schema without a HASH key');
  return range ? { hash, range } : { hash };
}

/** DynamoDB keeps a partition's items ordered by sort key: by number (N) or by string (S). */
function partitionsOf(schema: KeySchema, items: readonly Item[]): Map<string, Item[]> {
  const partitions = new Map<string, Item[]>();
  for (const item of items) {
    const hash = item[schema.hash];
    // Items without the index's key attributes are not in a (sparse) index.
    if (!hash || (schema.range && !item[schema.range])) continue;
    const partition = partitions.get(JSON.stringify(hash)) ?? [];
    partition.push(item);
    partitions.set(JSON.stringify(hash), partition);
  }
  const range = schema.range;
  if (range)
    for (const partition of partitions.values()) partition.sort((a, b) => compareKeys(a[range], b[range]));
  return partitions;
}

function keyOf(schema: KeySchema, item: Item): string {
  return JSON.stringify([item[schema.hash], schema.range ? item[schema.range] : null]);
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function unsupported(what: string): never {
  throw new Error(`The benchmark's fixture DynamoDB does not support ${what}`);
}
