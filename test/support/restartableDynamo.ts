import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, startDynamoLocal, type DynamoLocal } from '../../local/dynamoLocal';

/**
 * A DynamoDB Local of a test's own, which the test may stop and start again: same port, same
 * database file, so a handler built against it sees an outage and then a recovery, with the data
 * written before the outage still there. Never the shared instance other suites use.
 */
export interface RestartableDynamo {
  endpoint: string;
  /** Kills the server; in-flight and later requests fail until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  dispose(): Promise<void>;
}

export async function startRestartableDynamo(): Promise<RestartableDynamo> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'store-api-outage-'));
  let running: DynamoLocal | undefined = await startDynamoLocal({ port, dataDir });
  const stop = async () => {
    await running?.stop();
    running = undefined;
  };
  return {
    endpoint: running.endpoint,
    stop,
    async start() {
      running ??= await startDynamoLocal({ port, dataDir });
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
