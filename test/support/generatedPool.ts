import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { PoolSigner } from '../../local/poolTokens';
import type { LocalUserPool } from '../../local/userPool';

/**
 * A user pool that exists only in a unit test: a fresh key pair and the JWKS that serves its
 * public half, through a fetcher the verifier is given instead of the network.
 */
export function generatedPool(
  pool: LocalUserPool = {
    endpoint: 'http://127.0.0.1:9229',
    userPoolId: 'local_unit',
    clientId: 'unit-client',
  },
): { signer: PoolSigner; jwks: { keys: object[] }; fetcher: Fetcher } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomUUID();
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, alg: 'RS256', use: 'sig' }] };
  const body = new TextEncoder().encode(JSON.stringify(jwks)).buffer;
  return {
    signer: { pool, privateKey, keyId },
    jwks,
    fetcher: { fetch: () => Promise.resolve(body) },
  };
}
