import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  ListTablesCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  TABLE_DEFINITIONS,
  TABLE_KEYS,
  type TableKey,
  type TableNames,
} from '../src/datasources/tableDefinitions';

/**
 * Creates the tables that do not exist yet, from the same definitions serverless.yml deploys, and
 * adds to existing ones the global secondary indexes added to the definitions since (as a
 * CloudFormation update would), so local data survives an upgrade.
 */
export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<string[]> {
  const existing = new Set(await listTables(client));
  const missing = TABLE_KEYS.filter((key) => !existing.has(names[key]));
  await Promise.all(
    missing.map(async (key) => {
      await client.send(new CreateTableCommand(createTableInput(key, names[key])));
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: names[key] });
    }),
  );
  await Promise.all(
    TABLE_KEYS.filter((key) => existing.has(names[key])).map((key) =>
      addMissingIndexes(client, key, names[key]),
    ),
  );
  return missing.map((key) => names[key]);
}

async function addMissingIndexes(client: DynamoDBClient, key: TableKey, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const wanted = createTableInput(key, tableName);
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    const keyNames = new Set(index.KeySchema?.map((element) => element.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions?.filter((definition) =>
          keyNames.has(definition.AttributeName),
        ),
        GlobalSecondaryIndexUpdates: [
          {
            Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection },
          },
        ],
      }),
    );
  }
}

export async function deleteTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  const existing = new Set(await listTables(client));
  await Promise.all(
    TABLE_KEYS.filter((key) => existing.has(names[key])).map((key) =>
      client.send(new DeleteTableCommand({ TableName: names[key] })),
    ),
  );
}

async function listTables(client: DynamoDBClient): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

/**
 * The environment variable src/config.ts reads a table's name from (`persistedQueries` →
 * `PERSISTED_QUERIES_TABLE`), for tools that build that environment from TABLE_KEYS.
 */
export function tableVariable(key: TableKey): string {
  return `${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}_TABLE`;
}

export function createTableInput(key: TableKey, tableName: string): CreateTableCommandInput {
  // The JSON import widens enum strings such as "HASH" to `string`; the file is the CloudFormation
  // shape of these same fields, which the package test validates by creating every table.
  const properties = TABLE_DEFINITIONS[key] as Omit<CreateTableCommandInput, 'TableName'>;
  return { ...properties, TableName: tableName };
}
