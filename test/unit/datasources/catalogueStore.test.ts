import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { type GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CatalogueStore } from '../../../src/datasources/CatalogueStore';
import { fakeDocumentClient } from '../../support/fakeDynamo';

const CATALOGUE_TABLES = {
  products: 'products',
  productListings: 'productListings',
  categories: 'categories',
};

const STORED = {
  id: 'mug',
  name: 'Mug',
  code: 'MUG',
  price: 900,
  stock: 12,
  catalogue: 'ALL',
  sortName: 'mug',
};

function conditionFailed(item: Record<string, AttributeValue>): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    Item: item,
  });
}

describe('CatalogueStore.adjustStock', () => {
  test('answers the stock an adjustment already made when its first send committed and a repeat meets its token', async () => {
    // Prepare: the SDK re-sends the update after a lost answer; the item carries this update's token.
    const sent: Array<UpdateCommand | GetCommand> = [];
    const store = new CatalogueStore(
      fakeDocumentClient(async (command: UpdateCommand | GetCommand) => {
        sent.push(command);
        if (command instanceof UpdateCommand) {
          const token = command.input.ExpressionAttributeValues?.[':token'] as string;
          throw conditionFailed({ id: { S: 'mug' }, stock: { N: '12' }, lastAdjustment: { S: token } });
        }
        return { Item: { ...STORED, lastAdjustment: 'that-token' } };
      }),
      CATALOGUE_TABLES,
    );

    // Act
    const result = await store.adjustStock('mug', 2, { maxStock: 100 });

    // Assess: not refused, not applied twice; the product as it is, without the token.
    expect(result).toEqual({
      outcome: 'adjusted',
      product: {
        id: 'mug',
        name: 'Mug',
        code: 'MUG',
        price: 900,
        stock: 12,
        commentCount: 0,
        ratingSum: 0,
        ratingCount: 0,
        archived: false,
        categories: [],
        createdAt: '1970-01-01T00:00:00.000Z',
      },
    });
    expect(sent.map((command) => command.constructor.name)).toEqual(['UpdateCommand', 'GetCommand']);
  });

  test('writes a fresh token with every adjustment and refuses to apply over it', async () => {
    const sent: UpdateCommand[] = [];
    const store = new CatalogueStore(
      fakeDocumentClient(async (command: UpdateCommand) => {
        sent.push(command);
        return { Attributes: { ...STORED, stock: 13 } };
      }),
      CATALOGUE_TABLES,
    );

    await store.adjustStock('mug', 1, { maxStock: 100 });
    await store.adjustStock('mug', 1, { maxStock: 100 });

    const tokens = sent.map((command) => command.input.ExpressionAttributeValues?.[':token']);
    expect(new Set(tokens).size).toBe(2);
    expect(sent[0]?.input.UpdateExpression).toBe('ADD #stock :delta SET #adjustment = :token');
    expect(sent[0]?.input.ConditionExpression).toContain(
      '(attribute_not_exists(#adjustment) OR #adjustment <> :token)',
    );
  });

  test('answers not found for an id that cannot be a key, without asking DynamoDB', async () => {
    const send = jest.fn();
    const store = new CatalogueStore(fakeDocumentClient(send), CATALOGUE_TABLES);

    expect(await store.adjustStock('', 1, { maxStock: 100 })).toEqual({ outcome: 'notFound' });
    expect(await store.setArchived('x'.repeat(2000), true)).toEqual({ outcome: 'notFound' });
    expect(send).not.toHaveBeenCalled();
  });
});
