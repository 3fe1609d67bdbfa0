import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConfig {
  region: string;
  /** Set for DynamoDB Local; absent in AWS, where the SDK resolves the regional endpoint. */
  endpoint?: string;
}

export interface DynamoClientHooks {
  /**
   * Called once per command, before it is sent and before the SDK's retries: the request scope
   * counts calls, and may throw to refuse the command (the per-request budget).
   */
  onCommand?: () => void;
}

const MAX_SOCKETS = 256;

/** One client per Lambda instance: it keeps the HTTPS connections warm across requests. */
export function createDocumentClient(
  { region, endpoint }: DynamoConfig,
  { onCommand }: DynamoClientHooks = {},
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    // Without timeouts one stuck connection could hold a request for the whole Lambda timeout;
    // the SDK's retries (3 attempts, with backoff) cover a timed-out attempt. The connection timer
    // also runs while a request waits for a free socket, so the pool must be larger than the most
    // calls one request makes at once (a 100-product page: ~104), or a burst times out in the queue.
    requestHandler: {
      connectionTimeout: 2000,
      requestTimeout: 3000,
      httpAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
      httpsAgent: { keepAlive: true, maxSockets: MAX_SOCKETS },
    },
    ...(endpoint
      ? {
          endpoint,
          // DynamoDB Local checks that credentials are present, not what they are; fixed dummy
          // values keep a developer's real AWS credentials out of local runs entirely.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  if (onCommand) {
    // The initialize step runs once per `send`; the retry middleware sits further down the stack.
    client.middlewareStack.add(
      (next) => (args) => {
        onCommand();
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
  }
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
