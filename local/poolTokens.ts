import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DISPLAY_NAME_CLAIM, emulatedPoolIssuer } from '../src/auth/tokenVerifier';
import type { LocalUserPool } from './userPool';

/**
 * ID tokens of a cognito-local pool, minted without a sign-in, for the tools that need thousands
 * of users at once (the tests, the load test, the bench): signed with cognito-local's own key (it
 * ships in its package; anyone can read it, which is why production never trusts an emulated
 * pool), with the claims the pool puts in its ID tokens. The API verifies them exactly as the
 * pool's own: against the JWKS the emulator serves. Shoppers and `npm run token` sign in instead
 * (userPool.ts).
 */
export interface TokenClaims {
  sub: string;
  /** The display name (`custom:display_name`), unless the claims give that claim themselves. */
  name?: string;
  /** Seconds from now until expiry (default: an hour, as the pool's ID tokens; negative: expired). */
  expiresInSeconds?: number;
  /** Overrides for tests that need a wrong issuer, audience, token use or not-before. */
  [claim: string]: unknown;
}

export interface PoolSigner {
  pool: LocalUserPool;
  privateKey: KeyObject;
  keyId: string;
}

/** The emulator's key pair and key id, as its token generator uses them. */
export function emulatorSigner(pool: LocalUserPool): PoolSigner {
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { pem, jwk } = JSON.parse(readFileSync(file, 'utf8')) as { pem: string; jwk: { kid: string } };
  return { pool, privateKey: createPrivateKey(pem), keyId: jwk.kid };
}

/** An RS256 ID token with the pool's issuer, the app client as audience and `token_use` "id". */
export function signPoolToken(signer: PoolSigner, claims: TokenClaims): string {
  const { expiresInSeconds = 3600, ...rest } = claims;
  if (rest.name !== undefined && !(DISPLAY_NAME_CLAIM in rest)) rest[DISPLAY_NAME_CLAIM] = rest.name;
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: signer.keyId };
  const payload = {
    iss: emulatedPoolIssuer(signer.pool.endpoint, signer.pool.userPoolId),
    aud: signer.pool.clientId,
    token_use: 'id',
    auth_time: now,
    iat: now,
    exp: now + expiresInSeconds,
    ...rest,
  };
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), signer.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
