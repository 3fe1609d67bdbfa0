import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConfig {
  region: string;
  /** Set for DynamoDB Local; absent in AWS, where the SDK resolves the regional endpoint. */
  endpoint?: string;
}

export interface DynamoClientHooks {
  /** Called once per command sent (before the SDK's retries): the request log counts calls. */
  onCommand?: () => void;
}

/** One client per Lambda instance: it keeps the HTTPS connections warm across requests. */
export function createDocumentClient(
  { region, endpoint }: DynamoConfig,
  { onCommand }: DynamoClientHooks = {},
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    // Without timeouts one stuck connection could hold a request for the whole Lambda timeout;
    // the SDK's retries (3 attempts, with backoff) cover a timed-out attempt.
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
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
