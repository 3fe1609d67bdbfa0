/**
 * The storefront's Cognito client: a few calls of the Cognito Identity Provider JSON API, made
 * with fetch so the page ships no SDK. The same code signs in against AWS's Cognito
 * (`https://cognito-idp.<region>.amazonaws.com/`) and against `npm run storefront`'s local pool
 * (cognito-local on a loopback port); only the two settings below differ.
 *
 * Flows (the app client allows them, deploy/userPool.yml): USER_PASSWORD_AUTH to sign in, which
 * sends the password to Cognito over TLS and never to the API; REFRESH_TOKEN_AUTH to renew the
 * 60-minute ID token; RevokeToken to end the refresh token at sign-out; RespondToAuthChallenge for
 * the new password a user created by staff with a temporary one must choose.
 */
export interface CognitoSettings {
  /** Cognito's endpoint, ending in `/`. */
  endpoint: string;
  /** The public app client (no secret): output UserPoolClientId of the stage. */
  clientId: string;
}

/** What a sign-in or a renewal yields: the ID token is what the API takes as its Bearer token. */
export interface Tokens {
  idToken: string;
  /** Absent from a renewal's answer: the refresh token signed in with stays the one to use. */
  refreshToken?: string;
  /** When the ID token expires, in epoch milliseconds. */
  expiresAt: number;
}

/** Cognito answered with an error: `code` is its exception name, `message` its own words. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Cognito's own trouble (5xx, throttling, a garbled answer), not a refusal: worth retrying. */
    readonly transient = false,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

/** fetch itself failed: offline, or the endpoint is down or refuses this page's origin. */
export class CognitoUnreachableError extends Error {
  constructor(cause: unknown) {
    super('The sign-in service is unreachable. Check your connection and try again.', { cause });
    this.name = 'CognitoUnreachableError';
  }
}

/**
 * The user signed in with a temporary password (staff created them with admin-create-user): Cognito
 * issues no tokens until they choose their own, which `setNewPassword` sends with this `session`.
 */
export class NewPasswordRequiredError extends Error {
  constructor(
    /** What the user signed in with: the page shows it, and the password manager stores it. */
    readonly email: string,
    readonly session: string,
    /** Attributes Cognito wants with the new password, without the `userAttributes.` prefix. */
    readonly requiredAttributes: readonly string[],
    /**
     * The user's name in the pool, which the answer must give as USERNAME: Cognito's
     * `USER_ID_FOR_SRP` (in a pool whose users sign in with their email, a generated id, not the
     * email), else the email.
     */
    readonly username: string = email,
  ) {
    super('Choose a new password to finish signing in.');
    this.name = 'NewPasswordRequiredError';
  }
}

/** The build's or the dev server's settings (vite-env.d.ts), or null when either is missing. */
export function cognitoSettings(): CognitoSettings | null {
  const endpoint = import.meta.env.VITE_COGNITO_ENDPOINT;
  const clientId = import.meta.env.VITE_COGNITO_CLIENT_ID;
  if (!endpoint || !clientId) return null;
  return { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, clientId };
}

/** Signs in with an email and password; rejects with one of the errors above. */
export async function signInWithPassword(
  settings: CognitoSettings,
  email: string,
  password: string,
): Promise<Tokens> {
  const answer = await call(settings, 'InitiateAuth', {
    ClientId: settings.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return tokensOrChallenge(answer, email);
}

/** Sends the new password (and any attribute Cognito requires) of a NEW_PASSWORD_REQUIRED challenge. */
export async function setNewPassword(
  settings: CognitoSettings,
  challenge: NewPasswordRequiredError,
  newPassword: string,
  attributes: Readonly<Record<string, string>> = {},
): Promise<Tokens> {
  const answer = await call(settings, 'RespondToAuthChallenge', {
    ClientId: settings.clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: challenge.session,
    ChallengeResponses: {
      USERNAME: challenge.username,
      NEW_PASSWORD: newPassword,
      ...Object.fromEntries(
        Object.entries(attributes).map(([name, value]) => [`userAttributes.${name}`, value]),
      ),
    },
  });
  return tokensOrChallenge(answer, challenge.email);
}

/**
 * A new ID token for a refresh token; rejects with CognitoError when Cognito refuses it (or, with
 * `transient` set, has trouble of its own), and CognitoUnreachableError when it does not answer.
 */
export async function renewTokens(settings: CognitoSettings, refreshToken: string): Promise<Tokens> {
  const answer = await call(settings, 'InitiateAuth', {
    ClientId: settings.clientId,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  return tokensOf(answer);
}

/** Ends a refresh token at Cognito: it can renew nothing any more, wherever a copy of it is. */
export async function revokeRefreshToken(settings: CognitoSettings, refreshToken: string): Promise<void> {
  await call(settings, 'RevokeToken', { ClientId: settings.clientId, Token: refreshToken });
}

/** The claims of a JWT, decoded and NOT verified (the API verifies): null when it is no JWT. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  const [, payload] = token.split('.');
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    // UTF-8: a display name may hold any letter.
    const text = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const claims: unknown = JSON.parse(text);
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * A failed sign-in in words. Cognito's own messages are terse and, for a wrong password, differ
 * between AWS (NotAuthorizedException "Incorrect username or password.") and the local pool
 * (InvalidPasswordException): both read the same here.
 */
export function describeSignInError(error: unknown, step: 'signIn' | 'newPassword' = 'signIn'): string {
  if (error instanceof CognitoUnreachableError) return error.message;
  if (!(error instanceof CognitoError)) return 'Sign-in failed unexpectedly. Please try again.';
  switch (error.code) {
    case 'NotAuthorizedException':
      if (/attempts exceeded/i.test(error.message)) {
        return 'Too many failed sign-in attempts. Wait a few minutes, then try again.';
      }
      if (/disabled/i.test(error.message)) return 'This account is disabled. Ask the store to enable it.';
      if (step === 'newPassword')
        return 'This sign-in took too long. Sign in again with your temporary password.';
      return 'Incorrect email or password.';
    case 'UserNotFoundException':
      return 'Incorrect email or password.';
    case 'InvalidPasswordException':
      return step === 'newPassword'
        ? `That password is not allowed: ${error.message.replace(/^Password does not conform to policy: /, '').replace(/\.?$/, '.')}`
        : 'Incorrect email or password.';
    case 'PasswordResetRequiredException':
      return 'Your password has been reset: you must set a new one before you can sign in. Ask the store to set it for you.';
    case 'UserNotConfirmedException':
      return 'This account is not confirmed yet. Confirm your email address, then sign in.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return 'Too many sign-in attempts. Wait a minute, then try again.';
    case 'InvalidParameterException':
      return `Sign-in refused: ${error.message}`;
    default:
      return `Sign-in failed: ${error.message}`;
  }
}

type Answer = Record<string, unknown>;

const TRANSIENT_ERRORS = ['TooManyRequestsException', 'LimitExceededException', 'InternalErrorException'];

/** Whether a failed call may well succeed later: no answer, or Cognito's own trouble. */
export function isTransient(error: unknown): boolean {
  return error instanceof CognitoUnreachableError || (error instanceof CognitoError && error.transient);
}

async function call(settings: CognitoSettings, action: string, body: object): Promise<Answer> {
  assertSafeEndpoint(settings.endpoint);
  let response: Response;
  try {
    response = await fetch(settings.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CognitoUnreachableError(error);
  }
  let answer: Answer;
  try {
    answer = (await response.json()) as Answer;
  } catch {
    throw new CognitoError('BadResponse', `The sign-in service answered HTTP ${response.status}.`, true);
  }
  if (!response.ok) {
    // `__type` is the exception's name, possibly namespaced (`…#NotAuthorizedException`).
    const type =
      typeof answer.__type === 'string' ? answer.__type : (response.headers.get('x-amzn-errortype') ?? '');
    const code = type.split('#').pop()?.split(':')[0] || `HTTP${response.status}`;
    const message = [answer.message, answer.Message].find((text) => typeof text === 'string') as
      string | undefined;
    const transient = response.status >= 500 || TRANSIENT_ERRORS.includes(code);
    throw new CognitoError(code, message ?? code, transient);
  }
  return answer;
}

/**
 * USER_PASSWORD_AUTH sends the password itself: only over TLS, or to this machine (the local
 * pool). A build given an `http://` address elsewhere refuses before any password leaves.
 */
function assertSafeEndpoint(endpoint: string): void {
  const url = new URL(endpoint);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    throw new CognitoError(
      'InsecureEndpoint',
      `Sign-in needs an https:// Cognito endpoint, not ${url.origin}.`,
    );
  }
}

function tokensOrChallenge(answer: Answer, email: string): Tokens {
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    const parameters = (answer.ChallengeParameters ?? {}) as Record<string, unknown>;
    let required: string[] = [];
    try {
      const parsed: unknown = JSON.parse(String(parameters.requiredAttributes ?? '[]'));
      if (Array.isArray(parsed))
        required = parsed.map((name) => String(name).replace(/^userAttributes\./, ''));
    } catch {
      required = [];
    }
    const userId = parameters.USER_ID_FOR_SRP;
    throw new NewPasswordRequiredError(
      email,
      String(answer.Session ?? ''),
      required,
      typeof userId === 'string' && userId ? userId : email,
    );
  }
  if (typeof answer.ChallengeName === 'string') {
    // MFA and the other challenges: the pool enables none of them (deploy/userPool.yml).
    throw new CognitoError(
      'UnsupportedChallenge',
      `Cognito asks for ${answer.ChallengeName}, which this storefront cannot answer.`,
    );
  }
  return tokensOf(answer);
}

function tokensOf(answer: Answer): Tokens {
  const result = (answer.AuthenticationResult ?? {}) as Record<string, unknown>;
  const idToken = typeof result.IdToken === 'string' ? result.IdToken : '';
  // A garbled answer, not a refusal: worth trying again (a renewal keeps the session meanwhile).
  if (!idToken) throw new CognitoError('BadResponse', 'The sign-in service answered no ID token.', true);
  // The token's own expiry is what the API checks; ExpiresIn (seconds) only when it has none.
  const exp = tokenClaims(idToken)?.exp;
  const expiresIn = typeof result.ExpiresIn === 'number' ? result.ExpiresIn : 3600;
  const expiresAt = typeof exp === 'number' ? exp * 1000 : Date.now() + expiresIn * 1000;
  const refreshToken = typeof result.RefreshToken === 'string' ? result.RefreshToken : undefined;
  return { idToken, expiresAt, ...(refreshToken ? { refreshToken } : {}) };
}
