import { startDynamoLocal, type DynamoLocal } from '../../local/dynamoLocal';

declare global {
  var dynamoLocal: DynamoLocal | undefined;
}

/**
 * One in-memory DynamoDB Local for the whole run, on a free loopback port. Test files isolate
 * themselves with their own uniquely named tables (see support/testApp.ts), so they can run in
 * parallel workers. Workers inherit the endpoint through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal({ port: 0 });
  globalThis.dynamoLocal = dynamo;
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
}
