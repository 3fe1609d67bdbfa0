import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { sendRetryingContention } from '../../../src/datasources/transactions';
import { fakeClock } from '../../support/fakeClock';
import { cancelled, fakeDocumentClient } from '../../support/fakeDynamo';

/** A client whose `send` fails with the given errors in turn, then succeeds. */
function clientFailing(...errors: Error[]) {
  const send = jest.fn(async () => {
    const error = errors.shift();
    if (error) throw error;
    return {};
  });
  return { client: fakeDocumentClient(send), send };
}

const command = new TransactWriteCommand({ TransactItems: [] });

describe('sendRetryingContention', () => {
  test('repeats a transaction cancelled by a conflicting transaction, after a backoff, until it goes through', async () => {
    // Prepare
    const { client, send } = clientFailing(
      cancelled('TransactionConflict', 'None'),
      cancelled('None', 'TransactionConflict'),
    );
    const clock = fakeClock();

    // Act
    await sendRetryingContention(client, command, clock);

    // Assess
    expect(send).toHaveBeenCalledTimes(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  test('does not repeat a transaction whose condition failed, even alongside a conflict', async () => {
    // Prepare
    const failure = cancelled('ConditionalCheckFailed', 'TransactionConflict');
    const { client, send } = clientFailing(failure);

    // Act
    const sending = sendRetryingContention(client, command, fakeClock());

    // Assess
    await expect(sending).rejects.toBe(failure);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('gives up after 5 attempts and surfaces the last cancellation', async () => {
    // Prepare
    const conflicts = Array.from({ length: 10 }, () => cancelled('TransactionConflict'));
    const { client, send } = clientFailing(...conflicts);

    // Act
    const sending = sendRetryingContention(client, command, fakeClock());

    // Assess
    await expect(sending).rejects.toBe(conflicts[4]);
    expect(send).toHaveBeenCalledTimes(5);
  });
});
