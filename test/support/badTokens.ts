import { createHmac, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  KidNotFoundInJwksError,
  CognitoJwtInvalidTokenUseError,
} from 'aws-jwt-verify/error';
import { signPoolToken, type PoolSigner } from '../../local/poolTokens';

/**
 * Tokens an attacker or a stale client might present, each wrong in exactly one way: every other
 * claim is what the user pool would sign, so a refusal can only come from the flaw named.
 * `rejectedBy` is the exact class of the error the verifier raises for it (aws-jwt-verify's).
 */
export interface BadToken {
  what: string;
  token: (signer: PoolSigner) => string;
  rejectedBy: new (...args: never[]) => Error;
  /** For plain Errors, which only their message tells apart. */
  message?: string;
}

const now = () => Math.floor(Date.now() / 1000);

export function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const validClaims = (signer: PoolSigner) => claimsOf(signPoolToken(signer, { sub: 'mallory' }));

/** The payload says what the attacker wants; header and signature come from a real token. */
function forgedPayload(signer: PoolSigner): string {
  const [header, , signature] = signPoolToken(signer, { sub: 'alice' }).split('.');
  return `${header}.${base64url({ ...validClaims(signer), sub: 'mallory' })}.${signature}`;
}

/** A signer with a key of its own: the pool's claims, under `keyId` (a fresh one by default). */
function anotherKey(signer: PoolSigner, keyId: string = randomUUID()): PoolSigner {
  return { ...signer, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, keyId };
}

/** RS256 → HS256 confusion: the public key, which anyone may hold, used as the HMAC secret. */
function hs256WithPublicKey(signer: PoolSigner): string {
  const pem = createPublicKey(signer.privateKey).export({ type: 'spki', format: 'pem' });
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: signer.keyId })}.${base64url(validClaims(signer))}`;
  return `${signingInput}.${createHmac('sha256', pem).update(signingInput).digest('base64url')}`;
}

export const BAD_TOKENS: BadToken[] = [
  { what: 'a garbage token', token: () => 'not-a-jwt', rejectedBy: JwtParseError },
  {
    what: 'a token signed by another key',
    token: (signer) => signPoolToken(anotherKey(signer), { sub: 'mallory' }),
    // The verifier downloads the pool's JWKS again, and the key id is not in it either.
    rejectedBy: KidNotFoundInJwksError,
  },
  {
    what: 'a token signed by another key under the issuer’s key id',
    token: (signer) => signPoolToken(anotherKey(signer, signer.keyId), { sub: 'mallory' }),
    rejectedBy: JwtInvalidSignatureError,
  },
  {
    what: 'a forged payload with a real signature',
    token: forgedPayload,
    rejectedBy: JwtInvalidSignatureError,
  },
  {
    what: 'an expired token',
    token: (signer) => signPoolToken(signer, { sub: 'alice', expiresInSeconds: -60 }),
    rejectedBy: JwtExpiredError,
  },
  {
    what: 'a token not valid yet',
    token: (signer) => signPoolToken(signer, { sub: 'alice', nbf: now() + 3600 }),
    rejectedBy: JwtNotBeforeError,
  },
  {
    what: 'a token from another issuer',
    token: (signer) => signPoolToken(signer, { sub: 'alice', iss: 'https://evil.example.com' }),
    rejectedBy: JwtInvalidIssuerError,
  },
  {
    what: 'a token for another audience',
    token: (signer) => signPoolToken(signer, { sub: 'alice', aud: 'another-api' }),
    rejectedBy: JwtInvalidAudienceError,
  },
  {
    what: 'an access token of the pool',
    token: (signer) => signPoolToken(signer, { sub: 'alice', token_use: 'access' }),
    rejectedBy: CognitoJwtInvalidTokenUseError,
  },
  {
    what: 'an unsigned alg: none token',
    token: (signer) => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(validClaims(signer))}.`,
    rejectedBy: JwtParseError,
  },
  {
    what: 'an HS256 token keyed with the public key',
    token: hs256WithPublicKey,
    rejectedBy: JwtInvalidSignatureAlgorithmError,
  },
  {
    what: 'a token without a subject',
    token: (signer) => signPoolToken(signer, { sub: '' }),
    rejectedBy: Error,
    message: 'The token has no subject',
  },
];
