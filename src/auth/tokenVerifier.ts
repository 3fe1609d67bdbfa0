import { get } from 'node:http';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { CognitoJwtInvalidTokenUseError, FetchError } from 'aws-jwt-verify/error';
import { SimpleFetcher, type Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

/**
 * Whose ID tokens are accepted: those of one Cognito user pool, for one app client. In AWS the pool
 * is Cognito's; locally and in tests it is cognito-local's (local/cognitoLocal.ts), which serves
 * the same API and signs the same tokens at another address, `endpoint`. Production never sets an
 * endpoint (config.ts).
 */
export interface AuthConfig {
  userPoolId: string;
  clientId: string;
  /** A Cognito-compatible emulator's address (`http://127.0.0.1:<port>`); absent: AWS's Cognito. */
  endpoint?: string;
}

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
  /** Downloads the pool's JWKS; unit tests replace it, as nothing may call AWS there. */
  jwksFetcher?: Fetcher;
}

export function createTokenVerifier(config: AuthConfig, options: TokenVerifierOptions = {}): TokenVerifier {
  const jwksCache = new SimpleJwksCache({
    fetcher:
      options.jwksFetcher ??
      (config.endpoint
        ? emulatorFetcher
        : new SimpleFetcher({ defaultRequestOptions: { responseTimeout: JWKS_FETCH_TIMEOUT_MS } })),
  });
  const verifier = config.endpoint
    ? emulatedPoolVerifier(config as Required<AuthConfig>, jwksCache)
    : CognitoJwtVerifier.create(
        { userPoolId: config.userPoolId, clientId: config.clientId, tokenUse: 'id' },
        { jwksCache },
      );
  return {
    async verify(token) {
      try {
        return callerFromPayload(await verifier.verify(token));
      } catch (error) {
        // The pool's keys could not be downloaded (timeout, outage): the token may be fine, so
        // this is the API's failure (a masked 500), not a 401 that would sign the shopper out.
        if (error instanceof FetchError) throw error;
        throw new InvalidTokenError(error);
      }
    },
  };
}

/** A pool's issuer at an emulator's address, as the emulator writes it into its tokens. */
export function emulatedPoolIssuer(endpoint: string, userPoolId: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${userPoolId}`;
}

/**
 * An emulated pool's tokens, checked as CognitoJwtVerifier checks Cognito's: the pool's issuer (at
 * the emulator's address, which CognitoJwtVerifier would refuse for not being AWS's), the app
 * client as audience, `token_use` "id", the signature by a key of the pool's JWKS, and expiry.
 */
function emulatedPoolVerifier(
  { endpoint, userPoolId, clientId }: Required<AuthConfig>,
  jwksCache: SimpleJwksCache,
) {
  const issuer = emulatedPoolIssuer(endpoint, userPoolId);
  return JwtVerifier.create(
    {
      issuer,
      audience: clientId,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      // As CognitoJwtVerifier with tokenUse "id": any other token use is refused, with its error.
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id') {
          throw new CognitoJwtInvalidTokenUseError(
            'Token use not allowed',
            payload.token_use as string,
            'id',
          );
        }
      },
    },
    { jwksCache },
  );
}

/**
 * aws-jwt-verify downloads over HTTPS only, as Cognito serves; an emulator answers plain HTTP on
 * loopback. The same short timeout, and a failure is the same FetchError.
 */
const emulatorFetcher: Fetcher = {
  // node:http, which the SDK has loaded already: global fetch would load undici at cold start.
  fetch: (uri) =>
    new Promise<ArrayBuffer>((resolve, reject) => {
      const fail = (message: string) => reject(new FetchError(uri, message));
      const request = get(uri, { timeout: JWKS_FETCH_TIMEOUT_MS }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => fail(error.message));
        response.on('end', () => {
          if (response.statusCode !== 200) return fail(`HTTP ${response.statusCode}`);
          const body = Buffer.concat(chunks);
          resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
        });
      });
      request.on('timeout', () =>
        request.destroy(new Error(`Response time-out (after ${JWKS_FETCH_TIMEOUT_MS} ms)`)),
      );
      request.on('error', (error) => fail(error.message));
    }),
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
