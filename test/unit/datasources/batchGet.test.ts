import type { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../../src/datasources/batchGet';
import { fakeClock } from '../../support/fakeClock';
import { fakeDocumentClient } from '../../support/fakeDynamo';

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
  return { client: fakeDocumentClient(send), requests };
}

describe('batchGetAll', () => {
  test('asks again, after a backoff, for the keys DynamoDB left unprocessed until every item is read', async () => {
    // Prepare
    const { client, requests } = scriptedClient([
      {
        Responses: { products: [{ id: 'a' }] },
        UnprocessedKeys: { products: { Keys: [{ id: 'b' }, { id: 'c' }] } },
      },
      { Responses: { products: [{ id: 'b' }] }, UnprocessedKeys: { products: { Keys: [{ id: 'c' }] } } },
      { Responses: { products: [{ id: 'c' }] } },
    ]);
    const clock = fakeClock();

    // Act
    const items = await batchGetAll(client, 'products', [{ id: 'a' }, { id: 'b' }, { id: 'c' }], { clock });

    // Assess
    expect(items).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(requests).toEqual([
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      [{ id: 'b' }, { id: 'c' }],
      [{ id: 'c' }],
    ]);
    expect(clock.sleeps).toHaveLength(2);
  });

  test('gives up with an error when keys stay unprocessed, instead of returning a partial result', async () => {
    // Prepare
    const stuck: BatchGetOutput = {
      Responses: { products: [] },
      UnprocessedKeys: { products: { Keys: [{ id: 'a' }] } },
    };
    const { client, requests } = scriptedClient(Array.from({ length: 20 }, () => stuck));

    // Act
    const reading = batchGetAll(client, 'products', [{ id: 'a' }], { clock: fakeClock() });

    // Assess
    await expect(reading).rejects.toThrow(/unprocessed/);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.length).toBeLessThan(20);
  });

  test('refuses more than the 100 keys one BatchGetItem call accepts', async () => {
    // Prepare
    const { client, requests } = scriptedClient([]);
    const keys = Array.from({ length: 101 }, (_unused, index) => ({ id: `p${index}` }));

    // Act
    const reading = batchGetAll(client, 'products', keys);

    // Assess
    await expect(reading).rejects.toThrow(RangeError);
    expect(requests).toEqual([]);
  });
});
