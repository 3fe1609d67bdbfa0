import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type {
  DynamoDBDocumentClient,
  TransactWriteCommand,
  TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { clientError, ErrorCode } from '../shared/errors';
import { retry, RETRY, type RetryClock } from '../shared/retry';

/** One item of a TransactWriteItems, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** TransactWriteItems takes at most 100 items. */
export const TRANSACT_WRITE_LIMIT = 100;

/**
 * The DynamoDB failures that say "try again", not "your data is wrong": another transaction held
 * an item, or the table or account was throttled. The SDK's own retries cover most of them; these
 * are what remains when it gives up. Each appears under two names: the exception a call fails with,
 * and the reason code a cancelled transaction gives for one of its items. Transaction conflicts
 * are never reported by DynamoDB Local, which runs transactions one at a time, but are routine in
 * DynamoDB under concurrency.
 */
const TRANSIENT: ReadonlyArray<{ exception: string; cancellationReason?: string }> = [
  { exception: 'TransactionConflictException', cancellationReason: 'TransactionConflict' },
  { exception: 'ThrottlingException', cancellationReason: 'ThrottlingError' },
  {
    exception: 'ProvisionedThroughputExceededException',
    cancellationReason: 'ProvisionedThroughputExceeded',
  },
  { exception: 'RequestLimitExceeded' },
  { exception: 'InternalServerError' },
  { exception: 'TimeoutError' },
];
const TRANSIENT_EXCEPTIONS = new Set(TRANSIENT.map(({ exception }) => exception));
const TRANSIENT_REASONS = new Set(TRANSIENT.flatMap(({ cancellationReason: reason }) => reason ?? []));

/** A call that failed for a transient reason, whose repetition is safe when its conditions make it so. */
export function isTransientError(error: unknown): boolean {
  return error instanceof Error && TRANSIENT_EXCEPTIONS.has(error.name);
}

export function isTransientCancellationReason(code: string): boolean {
  return TRANSIENT_REASONS.has(code);
}

/** Cancelled only for transient reasons: every item's reason is transient or none, one at least transient. */
function isTransientCancellation(error: TransactionCanceledException): boolean {
  const codes = cancellationCodes(error) ?? [];
  return (
    codes.some(isTransientCancellationReason) &&
    codes.every((code) => code === 'None' || isTransientCancellationReason(code))
  );
}

/** The per-item reason codes of a cancelled transaction (in request order), or null. */
export function cancellationCodes(error: unknown): string[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

/**
 * Sends a transaction, repeating it with backoff while it is cancelled only for transient
 * reasons. Safe for transactions whose conditions make a repeat harmless (a cancelled
 * transaction wrote nothing); any other cancellation or error is thrown to the caller, and so is
 * the last cancellation once the attempts run out.
 */
export async function sendRetryingContention(
  client: DynamoDBDocumentClient,
  command: TransactWriteCommand,
  clock?: RetryClock,
): Promise<void> {
  let lastCancellation: TransactionCanceledException | undefined;
  await retry(
    async () => {
      try {
        await client.send(command);
        return undefined;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException) || !isTransientCancellation(error)) throw error;
        lastCancellation = error;
        return RETRY;
      }
    },
    {
      maxAttempts: 5,
      baseMs: 10,
      capMs: 200,
      // Called only after an attempt asked to retry, so a cancellation was kept.
      exhausted: () => lastCancellation ?? new Error('Transaction retries exhausted'),
    },
    clock,
  );
}

/**
 * The failures of a single-item write that prove it wrote nothing: DynamoDB refused it before
 * applying it. A timeout or an internal error does not say, so they are not among them.
 */
const REFUSED_BEFORE_WRITING = new Set([
  'TransactionConflictException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/**
 * Sends a single-item conditional write, repeating it with backoff while DynamoDB refuses it
 * before writing: most often TransactionConflictException, a checkout's transaction holding the
 * item, which the SDK does not retry. Still refused after the attempts, it is a retryable
 * CONFLICT, never an internal error.
 */
export async function writeRetryingContention<Output>(
  write: () => Promise<Output>,
  clock?: RetryClock,
): Promise<Output> {
  return retry(
    async () => {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof Error) || !REFUSED_BEFORE_WRITING.has(error.name)) throw error;
        return RETRY;
      }
    },
    {
      maxAttempts: 5,
      baseMs: 10,
      capMs: 200,
      exhausted: () =>
        clientError(ErrorCode.Conflict, 'Other writes kept this item busy; try again', {
          retryable: true,
        }),
    },
    clock,
  );
}
