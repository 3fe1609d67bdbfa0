import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { FetchError } from 'aws-jwt-verify/error';
import { SimpleFetcher, type Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_JWKS_URI } from './localIssuer';

/** Whose ID tokens are accepted: a Cognito user pool's (AWS), or the local issuer's (npm start). */
export type AuthConfig =
  { kind: 'cognito'; userPoolId: string; clientId: string } | { kind: 'local'; jwks: Jwks };

export interface Caller {
  /** The token's `sub`: the only source of identity; no operation takes a user id. */
  userId: string;
  /** Shown as a comment's author. */
  displayName: string;
  /** A member of the Cognito group `admin` (`cognito:groups`): may run the staff operations. */
  staff: boolean;
}

/** The ID token claim of the display name: a custom attribute only staff can set (deploy/userPool.yml). */
export const DISPLAY_NAME_CLAIM = 'custom:display_name';

/** The Cognito group whose members are staff (deploy/userPool.yml creates it). */
export const STAFF_GROUP = 'admin';

export interface TokenVerifier {
  /** Resolves the caller, or rejects with InvalidTokenError. */
  verify(token: string): Promise<Caller>;
}

export class InvalidTokenError extends Error {
  constructor(cause: unknown) {
    super('The token is invalid or expired', { cause });
    this.name = 'InvalidTokenError';
  }
}

/**
 * A token naming a key that is not in the pool's cached JWKS makes the verifier download the
 * JWKS again. Anyone can forge such a token, so each download must be short: a hung outbound
 * connection would otherwise hold the request for the library's default 3 s, twice.
 */
const JWKS_FETCH_TIMEOUT_MS = 1500;
const MAX_DISPLAY_NAME_LENGTH = 100;

export interface TokenVerifierOptions {
  /** Downloads the Cognito pool's JWKS; tests replace it, as nothing may call AWS there. */
  jwksFetcher?: Fetcher;
}

export function createTokenVerifier(config: AuthConfig, options: TokenVerifierOptions = {}): TokenVerifier {
  const verifier =
    config.kind === 'cognito'
      ? CognitoJwtVerifier.create(
          { userPoolId: config.userPoolId, clientId: config.clientId, tokenUse: 'id' },
          {
            jwksCache: new SimpleJwksCache({
              fetcher:
                options.jwksFetcher ??
                new SimpleFetcher({ defaultRequestOptions: { responseTimeout: JWKS_FETCH_TIMEOUT_MS } }),
            }),
          },
        )
      : createLocalVerifier(config.jwks);
  return {
    async verify(token) {
      try {
        return callerFromPayload(await verifier.verify(token));
      } catch (error) {
        // Cognito's keys could not be downloaded (timeout, outage): the token may be fine, so
        // this is the API's failure (a masked 500), not a 401 that would sign the shopper out.
        if (error instanceof FetchError) throw error;
        throw new InvalidTokenError(error);
      }
    },
  };
}

function createLocalVerifier(jwks: Jwks) {
  const verifier = JwtVerifier.create(
    { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri: LOCAL_JWKS_URI },
    { jwksCache: new SimpleJwksCache({ fetcher: refusingFetcher }) },
  );
  verifier.cacheJwks(jwks);
  return verifier;
}

/** The local issuer's keys are all known up front; an unknown key id is simply invalid. */
const refusingFetcher: Fetcher = {
  fetch: () => Promise.reject(new Error('The local issuer has no JWKS endpoint')),
};

function callerFromPayload(payload: JwtPayload): Caller {
  const userId = payload.sub;
  if (typeof userId !== 'string' || userId.length === 0) {
    throw new Error('The token has no subject');
  }
  // Only the display name staff set, which users cannot change (deploy/userPool.yml): not `name`,
  // which users write at sign-up and after, nor `cognito:username`, an opaque id in this pool.
  const claim = payload[DISPLAY_NAME_CLAIM];
  const name = typeof claim === 'string' && claim.trim() !== '' ? claim : 'Customer';
  const groups = payload['cognito:groups'];
  const staff = Array.isArray(groups) && groups.includes(STAFF_GROUP);
  return { userId, displayName: name.trim().slice(0, MAX_DISPLAY_NAME_LENGTH), staff };
}
