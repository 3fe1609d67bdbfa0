import { createHmac, createPublicKey, type JsonWebKey } from 'node:crypto';
import {
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
} from 'aws-jwt-verify/error';
import { generateIssuerKeys, signLocalToken, type LocalIssuerKeys } from '../../local/localKeys';

/**
 * Tokens an attacker or a stale client might present, each wrong in exactly one way: every other
 * claim is what the local issuer would sign, so a refusal can only come from the flaw named.
 * `rejectedBy` is the exact class of the error the verifier raises for it (aws-jwt-verify's).
 */
export interface BadToken {
  what: string;
  token: (keys: LocalIssuerKeys) => string;
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

const validClaims = (keys: LocalIssuerKeys) => claimsOf(signLocalToken(keys, { sub: 'mallory' }));

/** The payload says what the attacker wants; header and signature come from a real token. */
function forgedPayload(keys: LocalIssuerKeys): string {
  const [header, , signature] = signLocalToken(keys, { sub: 'alice' }).split('.');
  return `${header}.${base64url({ ...validClaims(keys), sub: 'mallory' })}.${signature}`;
}

/** RS256 → HS256 confusion: the public key, which anyone may hold, used as the HMAC secret. */
function hs256WithPublicKey(keys: LocalIssuerKeys): string {
  // generateIssuerKeys exports the JWKS entry from a node:crypto key, so it is a node JsonWebKey.
  const jwk = keys.jwks.keys[0] as JsonWebKey;
  const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: keys.keyId })}.${base64url(validClaims(keys))}`;
  return `${signingInput}.${createHmac('sha256', pem).update(signingInput).digest('base64url')}`;
}

export const BAD_TOKENS: BadToken[] = [
  { what: 'a garbage token', token: () => 'not-a-jwt', rejectedBy: JwtParseError },
  {
    what: 'a token signed by another key',
    token: () => signLocalToken(generateIssuerKeys(), { sub: 'mallory' }),
    // The local issuer's verifier refuses to download keys, so an unknown key id ends there.
    rejectedBy: Error,
    message: 'The local issuer has no JWKS endpoint',
  },
  {
    what: 'a token signed by another key under the issuer’s key id',
    token: (keys) => signLocalToken({ ...generateIssuerKeys(), keyId: keys.keyId }, { sub: 'mallory' }),
    rejectedBy: JwtInvalidSignatureError,
  },
  {
    what: 'a forged payload with a real signature',
    token: forgedPayload,
    rejectedBy: JwtInvalidSignatureError,
  },
  {
    what: 'an expired token',
    token: (keys) => signLocalToken(keys, { sub: 'alice', expiresInSeconds: -60 }),
    rejectedBy: JwtExpiredError,
  },
  {
    what: 'a token not valid yet',
    token: (keys) => signLocalToken(keys, { sub: 'alice', nbf: now() + 3600 }),
    rejectedBy: JwtNotBeforeError,
  },
  {
    what: 'a token from another issuer',
    token: (keys) => signLocalToken(keys, { sub: 'alice', iss: 'https://evil.example.com' }),
    rejectedBy: JwtInvalidIssuerError,
  },
  {
    what: 'a token for another audience',
    token: (keys) => signLocalToken(keys, { sub: 'alice', aud: 'another-api' }),
    rejectedBy: JwtInvalidAudienceError,
  },
  {
    what: 'an unsigned alg: none token',
    token: (keys) => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(validClaims(keys))}.`,
    rejectedBy: JwtParseError,
  },
  {
    what: 'an HS256 token keyed with the public key',
    token: hs256WithPublicKey,
    rejectedBy: JwtInvalidSignatureAlgorithmError,
  },
  {
    what: 'a token without a subject',
    token: (keys) => signLocalToken(keys, { sub: '' }),
    rejectedBy: Error,
    message: 'The token has no subject',
  },
];
