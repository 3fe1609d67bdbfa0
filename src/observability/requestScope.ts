import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoBudgetExceededError } from '../shared/errors';

/**
 * What the request log line reports, gathered while one request runs. The Lambda instance's
 * DynamoDB client and Apollo server are shared by every request (and, in the local runtime, by
 * concurrent ones), so per-request facts cannot live on them: AsyncLocalStorage carries this
 * record along the request's own chain of promises, into Apollo's hooks and the SDK's middleware.
 */
export interface RequestScope {
  readonly requestId: string;
  /** The operation's name once Apollo knows it; unset for requests refused before that. */
  operationName?: string;
  /** The `extensions.code` of every error the client receives, in order. */
  errorCodes: string[];
  /** DynamoDB commands sent (one per `send`, whatever the SDK's retries). */
  dynamoCalls: number;
  /** The most DynamoDB commands this request may send. */
  readonly dynamoCallLimit: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(
  requestId: string,
  work: (scope: RequestScope) => Promise<T>,
  dynamoCallLimit = Number.POSITIVE_INFINITY,
): Promise<T> {
  const scope: RequestScope = { requestId, errorCodes: [], dynamoCalls: 0, dynamoCallLimit };
  return storage.run(scope, () => work(scope));
}

/** The running request's scope; undefined outside a request (a test's own client, seeding). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * Charges one DynamoDB call to the running request, or refuses it, unsent, once the request has
 * used its budget. Called by the SDK middleware before every command (datasources/dynamoClient.ts),
 * so the budget holds whatever the document, its variables or the per-request caches do. A
 * transaction is one command: it is sent whole or not at all. Calls outside a request (seeding, a
 * test's own client) are neither counted nor limited.
 */
export function chargeDynamoCall(): void {
  const scope = storage.getStore();
  if (!scope) return;
  if (scope.dynamoCalls >= scope.dynamoCallLimit) throw new DynamoBudgetExceededError(scope.dynamoCallLimit);
  scope.dynamoCalls += 1;
}
