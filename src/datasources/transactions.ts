import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { backoff } from '../shared/backoff';

/**
 * Cancellation reasons that say "try again", not "your data is wrong": another transaction held
 * one of the items (TransactionConflict) or the table was throttled. Not reported by DynamoDB
 * Local, which runs transactions one at a time, but routine in DynamoDB under concurrency.
 */
export const TRANSIENT_CANCELLATION_REASONS: ReadonlySet<string> = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

/** The per-item reason codes of a cancelled transaction (in request order), or null. */
export function cancellationCodes(error: unknown): string[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

const MAX_ATTEMPTS = 5;

/**
 * Sends a transaction, repeating it with backoff while it is cancelled only for transient
 * reasons. Safe for transactions whose conditions make a repeat harmless (a cancelled
 * transaction wrote nothing); any other cancellation or error is thrown to the caller.
 */
export async function sendRetryingContention(
  client: DynamoDBDocumentClient,
  command: TransactWriteCommand,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(command);
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      const transient =
        codes !== null &&
        codes.some((code) => TRANSIENT_CANCELLATION_REASONS.has(code)) &&
        codes.every((code) => code === 'None' || TRANSIENT_CANCELLATION_REASONS.has(code));
      if (!transient || attempt === MAX_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}
