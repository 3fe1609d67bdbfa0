import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A document client whose `send` is the given function (a jest mock, usually), so a test scripts
 * DynamoDB's answers and sees every command a store sent.
 */
export function fakeDocumentClient<Command>(
  send: (command: Command) => Promise<unknown>,
): DynamoDBDocumentClient {
  // The stores only call `send`, so that one method stands in for the whole client.
  return { send } as unknown as DynamoDBDocumentClient;
}

/** A TransactWriteItems cancellation with these per-item reason codes, in request order. */
export function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}
