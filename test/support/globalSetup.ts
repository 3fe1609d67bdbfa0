import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCognitoLocal, type CognitoLocal } from '../../local/cognitoLocal';
import { startDynamoLocal, type DynamoLocal } from '../../local/dynamoLocal';
import { ensureUserPool } from '../../local/userPool';

declare global {
  var dynamoLocal: DynamoLocal | undefined;
  var cognitoLocal: CognitoLocal | undefined;
}

/**
 * One in-memory DynamoDB Local and one cognito-local for the whole run, each on a free loopback
 * port. Test files isolate themselves with their own uniquely named tables (see
 * support/testApp.ts), so they can run in parallel workers; they share one user pool, made from
 * deploy/userPool.yml as `npm start` makes its own. Workers inherit the addresses through the
 * environment.
 */
export default async function globalSetup(): Promise<void> {
  const poolDir = mkdtempSync(join(tmpdir(), 'store-test-pool-'));
  const [dynamo, cognito] = await Promise.all([
    startDynamoLocal({ port: 0 }),
    startCognitoLocal({ dataDir: poolDir }),
  ]);
  globalThis.dynamoLocal = dynamo;
  globalThis.cognitoLocal = cognito;
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  const pool = await ensureUserPool(cognito.endpoint, join(poolDir, 'pool.json'));
  process.env.TEST_COGNITO_ENDPOINT = pool.endpoint;
  process.env.TEST_COGNITO_USER_POOL_ID = pool.userPoolId;
  process.env.TEST_COGNITO_CLIENT_ID = pool.clientId;
}
