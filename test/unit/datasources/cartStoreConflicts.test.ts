import { ConditionalCheckFailedException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { CartStore } from '../../../src/datasources/CartStore';
import { VersionConflictError } from '../../../src/shared/errors';
import type { CartRecord } from '../../../src/datasources/models';
import { fakeDocumentClient } from '../../support/fakeDynamo';

const BASE: CartRecord = { userId: 'alice', items: [{ productId: 'bird', quantity: 1 }], version: 4 };

/** A store whose one PutItem call fails with `failure`. */
function storeFailingWith(failure: Error): CartStore {
  return new CartStore(fakeDocumentClient(jest.fn().mockRejectedValue(failure)), 'carts');
}

describe('CartStore.save', () => {
  test.each([
    [
      'its version moved',
      new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
    ],
    [
      'a checkout transaction holds it',
      new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: {} }),
    ],
  ])(
    'reports a cart another writer holds (%s) as a VersionConflictError, to re-read and retry',
    async (_what, failure) => {
      // Act
      const saving = storeFailingWith(failure).save(BASE, { items: [] });

      // Assess
      await expect(saving).rejects.toBeInstanceOf(VersionConflictError);
    },
  );

  test('lets any other failure through unchanged', async () => {
    // Prepare
    const failure = new Error('ResourceNotFoundException');

    // Act
    const saving = storeFailingWith(failure).save(BASE, { items: [] });

    // Assess
    await expect(saving).rejects.toBe(failure);
  });
});
