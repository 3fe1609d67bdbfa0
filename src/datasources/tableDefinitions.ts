import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import definitions from './tables.json';

/**
 * The key schemas and indexes of every table live in `tables.json`, the one file that both
 * `serverless.yml` (as the CloudFormation `Properties` of each table) and the local runtime and
 * tests (as `CreateTable` input) read, so the deployed and the local tables cannot drift apart.
 */
export type TableKey = keyof typeof definitions;

/** Physical table names, one per logical table; CloudFormation generates them in AWS. */
export type TableNames = Readonly<Record<TableKey, string>>;

export const TABLE_KEYS = Object.keys(definitions) as TableKey[];

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
  const properties = definitions[key] as Omit<CreateTableCommandInput, 'TableName'>;
  return { ...properties, TableName: tableName };
}
