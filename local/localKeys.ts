import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../src/auth/localIssuer';
import { DISPLAY_NAME_CLAIM } from '../src/auth/tokenVerifier';

/**
 * The local issuer's RSA key pair. Generated once into the git-ignored local folder, so tokens
 * minted with `npm run token` stay valid across restarts until `npm run reset`.
 */
export interface LocalIssuerKeys {
  privateKey: KeyObject;
  keyId: string;
  jwks: Jwks;
}

export function generateIssuerKeys(): LocalIssuerKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomUUID();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: keyId, alg: 'RS256', use: 'sig' };
  return { privateKey, keyId, jwks: { keys: [jwk] } as Jwks };
}

export function loadOrCreateIssuerKeys(file: string): LocalIssuerKeys {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      privateKeyPem: string;
      keyId: string;
      jwks: Jwks;
    };
    return { privateKey: createPrivateKey(stored.privateKeyPem), keyId: stored.keyId, jwks: stored.jwks };
  }
  const keys = generateIssuerKeys();
  mkdirSync(dirname(file), { recursive: true });
  const privateKeyPem = keys.privateKey.export({ format: 'pem', type: 'pkcs8' });
  writeFileSync(file, JSON.stringify({ privateKeyPem, keyId: keys.keyId, jwks: keys.jwks }), {
    mode: 0o600,
  });
  return keys;
}

export interface TokenClaims {
  sub: string;
  name?: string;
  /** Seconds from now until expiry (default: 12 hours; negative for an expired token). */
  expiresInSeconds?: number;
  /** Overrides for tests that need a wrong issuer, audience, or not-before. */
  [claim: string]: unknown;
}

/** Signs an RS256 JWT for the local issuer, as a Cognito user pool would sign an ID token. */
export function signLocalToken(keys: LocalIssuerKeys, claims: TokenClaims): string {
  const { expiresInSeconds = 12 * 3600, ...rest } = claims;
  // The local issuer's users have the display name staff would set in the pool: their `name`,
  // unless a test gives the claim itself (or leaves it out by giving it as undefined).
  if (rest.name !== undefined && !(DISPLAY_NAME_CLAIM in rest)) rest[DISPLAY_NAME_CLAIM] = rest.name;
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: keys.keyId };
  const payload = {
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    token_use: 'id',
    iat: now,
    exp: now + expiresInSeconds,
    ...rest,
  };
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), keys.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
