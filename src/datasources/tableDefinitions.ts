import definitions from './tables.json';

/**
 * The key schemas and indexes of every table live in `tables.json`, the one file that both
 * `serverless.yml` (as the CloudFormation `Properties` of each table) and the local runtime and
 * tests (as `CreateTable` input) read, so the deployed and the local tables cannot drift apart.
 */
export type TableKey = keyof typeof definitions;

/** Each table's CloudFormation `Properties`: its keys, indexes and billing. */
export const TABLE_DEFINITIONS = definitions;

/** Physical table names, one per logical table; CloudFormation generates them in AWS. */
export type TableNames = Readonly<Record<TableKey, string>>;

export const TABLE_KEYS = Object.keys(definitions) as TableKey[];
