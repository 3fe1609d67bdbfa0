import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS, type TableNames } from '../../../src/datasources/tableDefinitions';
import { ensureTables } from '../../../local/tables';
import { endpoint } from '../../support/testApp';

/**
 * Local data outlives upgrades: a table created by an older release, before an index was added to
 * src/datasources/tables.json, gets the index at the next start, and keeps its items.
 */
const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: endpoint(),
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

afterAll(() => client.destroy());

test('adds an index missing from an existing local table, keeping its items', async () => {
  // Prepare: the promotions table as it was before its byCode index, holding a code.
  const prefix = `u${randomUUID().slice(0, 8)}`;
  const names = Object.fromEntries(TABLE_KEYS.map((key) => [key, `${prefix}-${key}`])) as TableNames;
  await client.send(
    new CreateTableCommand({
      TableName: names.promotions,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'code', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'code', KeyType: 'HASH' }],
    }),
  );
  await client.send(
    new PutItemCommand({
      TableName: names.promotions,
      Item: { code: { S: 'OLD10' }, percentage: { N: '10' } },
    }),
  );

  // Act
  const created = await ensureTables(client, names);

  // Assess: the other tables are new; the old one has its index and its code.
  expect(created).not.toContain(names.promotions);
  expect(created).toHaveLength(TABLE_KEYS.length - 1);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: names.promotions }));
  expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byCode']);
  const { Item } = await client.send(
    new GetItemCommand({ TableName: names.promotions, Key: { code: { S: 'OLD10' } } }),
  );
  expect(Item).toEqual({ code: { S: 'OLD10' }, percentage: { N: '10' } });
});

test('leaves a table that has every index as it is', async () => {
  const prefix = `u${randomUUID().slice(0, 8)}`;
  const names = Object.fromEntries(TABLE_KEYS.map((key) => [key, `${prefix}-${key}`])) as TableNames;
  await ensureTables(client, names);

  const again = await ensureTables(client, names);

  expect(again).toEqual([]);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: names.products }));
  expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byName']);
});
