import { AsyncLocalStorage } from 'node:async_hooks';

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
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(
  requestId: string,
  work: (scope: RequestScope) => Promise<T>,
): Promise<T> {
  const scope: RequestScope = { requestId, errorCodes: [], dynamoCalls: 0 };
  return storage.run(scope, () => work(scope));
}

/** The running request's scope; undefined outside a request (a test's own client, seeding). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

export function countDynamoCall(): void {
  const scope = storage.getStore();
  if (scope) scope.dynamoCalls += 1;
}
