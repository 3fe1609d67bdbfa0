import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCognitoLocal, type CognitoLocal } from '../../local/cognitoLocal';
import { startDynamoLocal, type DynamoLocal } from '../../local/dynamoLocal';
import { ensureUserPool } from '../../local/userPool';

declare global {
  var dynamoLocal: DynamoLocal | undefined;
  var cognitoLocal: CognitoLocal | undefined;
  /** cognito-local's data folder for the run: globalTeardown.ts removes it. */
  var testPoolDir: string | undefined;
}

/**
 * One in-memory DynamoDB Local and one cognito-local for the whole run, each on a free loopback
 * port. Test files isolate themselves with their own uniquely named tables (see
 * support/testApp.ts), so they can run in parallel workers; they share one user pool, made from
 * deploy/userPool.yml as `npm start` makes its own, in a temporary folder. Workers inherit the
 * addresses through the environment. If anything fails here, what was started is stopped and the
 * folder removed before the error is passed on (jest runs no teardown after a failed setup).
 */
export default async function globalSetup(): Promise<void> {
  const poolDir = mkdtempSync(join(tmpdir(), 'store-test-pool-'));
  globalThis.testPoolDir = poolDir;
  try {
    const [dynamo, cognito] = await startBoth(poolDir);
    globalThis.dynamoLocal = dynamo;
    globalThis.cognitoLocal = cognito;
    process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
    const pool = await ensureUserPool(cognito.endpoint, join(poolDir, 'pool.json'));
    process.env.TEST_COGNITO_ENDPOINT = pool.endpoint;
    process.env.TEST_COGNITO_USER_POOL_ID = pool.userPoolId;
    process.env.TEST_COGNITO_CLIENT_ID = pool.clientId;
  } catch (error) {
    await Promise.allSettled([globalThis.dynamoLocal?.stop(), globalThis.cognitoLocal?.stop()]);
    globalThis.dynamoLocal = undefined;
    globalThis.cognitoLocal = undefined;
    rmSync(poolDir, { recursive: true, force: true });
    globalThis.testPoolDir = undefined;
    throw error;
  }
}

/** Both emulators, started together; if either fails, the other is stopped before the error. */
async function startBoth(poolDir: string): Promise<[DynamoLocal, CognitoLocal]> {
  const [dynamo, cognito] = await Promise.allSettled([
    startDynamoLocal({ port: 0 }),
    startCognitoLocal({ dataDir: poolDir }),
  ]);
  if (dynamo.status === 'fulfilled' && cognito.status === 'fulfilled') return [dynamo.value, cognito.value];
  await Promise.allSettled(
    [dynamo, cognito].map((started) => (started.status === 'fulfilled' ? started.value.stop() : undefined)),
  );
  throw dynamo.status === 'rejected' ? dynamo.reason : (cognito as PromiseRejectedResult).reason;
}
