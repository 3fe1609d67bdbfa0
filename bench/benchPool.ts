import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCognitoLocal } from '../local/cognitoLocal';
import { emulatorSigner, signPoolToken } from '../local/poolTokens';
import { ensureUserPool, type LocalUserPool } from '../local/userPool';

/**
 * The bench's user pool: cognito-local in a throwaway folder, made from deploy/userPool.yml as
 * `npm start` makes its own, so every side verifies real pool tokens against the keys it
 * downloads from the pool, as a Lambda does from Cognito on its first signed-in request.
 */
export async function startBenchPool(cleanups: Array<() => Promise<void> | void>): Promise<{
  pool: LocalUserPool;
  tokenFor(user: { userId: string; name: string }): string;
  environment: NodeJS.ProcessEnv;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'store-bench-pool-'));
  const cognito = await startCognitoLocal({ dataDir });
  cleanups.push(async () => {
    await cognito.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const pool = await ensureUserPool(cognito.endpoint, path.join(dataDir, 'pool.json'));
  const signer = emulatorSigner(pool);
  return {
    pool,
    // Valid for the whole run, however long the machine makes it.
    tokenFor: ({ userId, name }) => signPoolToken(signer, { sub: userId, name, expiresInSeconds: 6 * 3600 }),
    environment: {
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
      COGNITO_ENDPOINT: pool.endpoint,
    },
  };
}
