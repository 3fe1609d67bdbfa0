import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sendRetryingContention } from '../../../src/datasources/transactions';

function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

/** A client whose `send` fails with the given errors in turn, then succeeds. */
function clientFailing(...errors: Error[]) {
  const send = jest.fn(async () => {
    const error = errors.shift();
    if (error) throw error;
    return {};
  });
  // sendRetryingContention only calls `send`; a stub of that one method stands in for the client.
  return { client: { send } as unknown as DynamoDBDocumentClient, send };
}

const command = new TransactWriteCommand({ TransactItems: [] });

describe('sendRetryingContention', () => {
  test('repeats a transaction cancelled by a conflicting transaction until it goes through', async () => {
    const { client, send } = clientFailing(
      cancelled('TransactionConflict', 'None'),
      cancelled('None', 'TransactionConflict'),
    );

    await sendRetryingContention(client, command);

    expect(send).toHaveBeenCalledTimes(3);
  });

  test('does not repeat a transaction whose condition failed, even alongside a conflict', async () => {
    const failure = cancelled('ConditionalCheckFailed', 'TransactionConflict');
    const { client, send } = clientFailing(failure);

    await expect(sendRetryingContention(client, command)).rejects.toBe(failure);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('gives up after a bounded number of attempts and surfaces the last cancellation', async () => {
    const conflicts = Array.from({ length: 10 }, () => cancelled('TransactionConflict'));
    const { client, send } = clientFailing(...conflicts);

    await expect(sendRetryingContention(client, command)).rejects.toBeInstanceOf(
      TransactionCanceledException,
    );
    expect(send).toHaveBeenCalledTimes(5);
  });
});
