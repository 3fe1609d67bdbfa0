import type { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../../src/datasources/batchGet';

type BatchGetOutput = {
  Responses?: Record<string, Array<Record<string, unknown>>>;
  UnprocessedKeys?: Record<string, { Keys: Array<Record<string, string>> }>;
};

/** A client that answers each BatchGetItem call with the next scripted output. */
function scriptedClient(outputs: BatchGetOutput[]) {
  const requests: Array<Array<Record<string, string>>> = [];
  const send = jest.fn(async (command: BatchGetCommand) => {
    requests.push((command.input.RequestItems?.products?.Keys ?? []) as Array<Record<string, string>>);
    const output = outputs.shift();
    if (!output) throw new Error('no scripted output left');
    return output;
  });
  // batchGetAll only calls `send`; a stub of that one method stands in for the whole client.
  return { client: { send } as unknown as DynamoDBDocumentClient, requests };
}

describe('batchGetAll', () => {
  test('asks again for the keys DynamoDB left unprocessed until every item is read', async () => {
    const { client, requests } = scriptedClient([
      {
        Responses: { products: [{ id: 'a' }] },
        UnprocessedKeys: { products: { Keys: [{ id: 'b' }, { id: 'c' }] } },
      },
      { Responses: { products: [{ id: 'b' }] }, UnprocessedKeys: { products: { Keys: [{ id: 'c' }] } } },
      { Responses: { products: [{ id: 'c' }] } },
    ]);

    const items = await batchGetAll(client, 'products', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);

    expect(items).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(requests).toEqual([
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      [{ id: 'b' }, { id: 'c' }],
      [{ id: 'c' }],
    ]);
  });

  test('gives up with an error when keys stay unprocessed, instead of returning a partial result', async () => {
    const stuck: BatchGetOutput = {
      Responses: { products: [] },
      UnprocessedKeys: { products: { Keys: [{ id: 'a' }] } },
    };
    const { client, requests } = scriptedClient(Array.from({ length: 20 }, () => stuck));

    await expect(batchGetAll(client, 'products', [{ id: 'a' }])).rejects.toThrow(/unprocessed/);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.length).toBeLessThan(20);
  });

  test('refuses more than the 100 keys one BatchGetItem call accepts', async () => {
    const { client, requests } = scriptedClient([]);
    const keys = Array.from({ length: 101 }, (_unused, index) => ({ id: `p${index}` }));

    await expect(batchGetAll(client, 'products', keys)).rejects.toThrow(RangeError);
    expect(requests).toEqual([]);
  });
});
