import {
  CognitoError,
  cognitoSettings,
  isTransient,
  renewTokens,
  revokeRefreshToken,
  setNewPassword,
  signInWithPassword,
  tokenClaims,
  type CognitoSettings,
  type NewPasswordRequiredError,
  type Tokens,
} from './cognito';
import { isStaffToken } from './staffClaim';

/**
 * Who is signed in: the user pool's tokens, kept in localStorage so a reload, or another tab,
 * keeps the shopper signed in. The ID token is only ever sent in the Authorization header.
 *
 * localStorage is readable by any script running on the page, so an injected script could take
 * the tokens, the 30-day refresh token included. The trade-off is accepted here: the storefront
 * runs no third-party script and writes every API string as text, never as HTML (dom.ts), which is
 * what keeps scripts out; an HttpOnly cookie would need a server of the storefront's own between
 * the page and Cognito (the API takes Bearer tokens, not cookies, by design), and memory alone
 * would sign the shopper out at every reload. Sign-out revokes the refresh token at Cognito, so a
 * copy taken earlier stops renewing.
 */
export interface Session {
  /** The token's `sub`: the API's user id. */
  userId: string;
  email: string;
  /** `custom:display_name` (the name the API shows on comments), else the email. */
  name: string;
  /** The ID token: the API's Bearer token. */
  token: string;
  /** When the ID token expires, in epoch milliseconds. */
  expiresAt: number;
  /**
   * The token's `cognito:groups` holds the staff group: the storefront then offers its staff area.
   * Read from the token, never stored, and only a hint for what to show: the API verifies the
   * token and refuses a staff operation to anyone else (FORBIDDEN).
   */
  staff: boolean;
}

interface StoredSession {
  idToken: string;
  refreshToken: string;
  expiresAt: number;
}

export const STORAGE_KEY = 'store.session';
/** Renewed when less than this remains, so no request ever leaves with a token about to expire. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/** Why the shopper was signed out without asking to be. */
export const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';

/** Why a request could not go out although the shopper is still signed in. */
export const SIGN_IN_UNAVAILABLE =
  'The sign-in service is unreachable, so your session could not be renewed. You are still signed ' +
  'in: try again in a moment.';

export function currentSession(): Session | null {
  const stored = readStored();
  return stored ? sessionOf(stored) : null;
}

/** Signs in through the user pool; rejects with cognito.ts's errors (shown by describeSignInError). */
export async function signIn(email: string, password: string): Promise<Session> {
  return remember(await signInWithPassword(requireSettings(), email, password));
}

/** Answers the NEW_PASSWORD_REQUIRED challenge of a user signing in with a temporary password. */
export async function completeNewPassword(
  challenge: NewPasswordRequiredError,
  newPassword: string,
  attributes?: Readonly<Record<string, string>>,
): Promise<Session> {
  return remember(await setNewPassword(requireSettings(), challenge, newPassword, attributes));
}

/**
 * Forgets the tokens at once, then asks Cognito to revoke the refresh token (best effort: the page
 * has already forgotten it, and a failure changes nothing the shopper can act on). With
 * `onlyIfIdToken`, only while that ID token is still the stored one: a decision taken about one
 * session (the API refused its token) never ends the session another tab has signed in since.
 */
export async function signOut(onlyIfIdToken?: string): Promise<void> {
  const stored = readStored();
  if (onlyIfIdToken !== undefined && stored?.idToken !== onlyIfIdToken) return;
  localStorage.removeItem(STORAGE_KEY);
  renewal = null;
  const settings = cognitoSettings();
  if (!stored || !settings) return;
  await revokeRefreshToken(settings, stored.refreshToken).catch(() => undefined);
}

/** Thrown by `freshSession` after it signed the shopper out because Cognito refused the renewal. */
export class SessionExpiredError extends Error {
  constructor(cause: unknown) {
    super(SESSION_EXPIRED, { cause });
    this.name = 'SessionExpiredError';
  }
}

/**
 * Thrown by `freshSession` when the ID token cannot be sent as it is (expired, or refused by the
 * API) and Cognito could not renew it: no answer, a 5xx, throttling. The session is kept, refresh
 * token and all; the next call, or main.ts's timer, tries again.
 */
export class SignInUnavailableError extends Error {
  constructor(cause: unknown) {
    super(SIGN_IN_UNAVAILABLE, { cause });
    this.name = 'SignInUnavailableError';
  }
}

let renewal: Promise<Session | null> | null = null;

/**
 * The session, its ID token renewed first when less than RENEW_BEFORE_MS remains (before each API
 * call, and on main.ts's timer), or when it is `refused`, the token the API has just answered 401
 * to (its clock and this browser's may disagree about the expiry), unless a renewal has replaced it
 * since. Concurrent callers share one renewal.
 *
 * Only Cognito's refusal of the refresh token (revoked, expired: NotAuthorizedException and the
 * like) signs the shopper out, and this then rejects with SessionExpiredError. Should Cognito not
 * answer (isTransient), the session stays as it is: the ID token is used as long as it is valid and
 * not refused, and otherwise this rejects with SignInUnavailableError; the next call tries again.
 */
export async function freshSession(refused?: string): Promise<Session | null> {
  const stored = readStored();
  if (!stored) return null;
  const isRefused = refused !== undefined && stored.idToken === refused;
  if (!isRefused && stored.expiresAt - Date.now() > RENEW_BEFORE_MS) return sessionOf(stored);
  renewal ??= renew(stored).finally(() => (renewal = null));
  try {
    return await renewal;
  } catch (error) {
    if (!(error instanceof SignInUnavailableError)) throw error;
    const current = readStored();
    if (current && current.idToken !== refused && current.expiresAt > Date.now()) return sessionOf(current);
    throw error;
  }
}

async function renew(stored: StoredSession): Promise<Session | null> {
  const settings = cognitoSettings();
  try {
    if (!settings) throw new CognitoError('NotConfigured', 'No Cognito settings');
    const tokens = await renewTokens(settings, stored.refreshToken);
    // Signed out (or in as someone else) meanwhile: this renewal is no one's any more.
    if (readStored()?.refreshToken !== stored.refreshToken) return currentSession();
    return remember({ ...tokens, refreshToken: stored.refreshToken });
  } catch (error) {
    // Signed in again, out, or as someone else meanwhile (in another tab, say): what became of the
    // refresh token tried here says nothing about the session stored now.
    const current = readStored();
    if (current?.refreshToken !== stored.refreshToken) return current ? sessionOf(current) : null;
    if (!refusesRefreshToken(error)) throw new SignInUnavailableError(error);
    void signOut();
    throw new SessionExpiredError(error);
  }
}

/**
 * Whether Cognito answered, and refused: the refresh token is revoked or expired, or the build
 * cannot renew at all (no settings, an endpoint it may not call). No answer, Cognito's own trouble
 * (5xx, throttling, a garbled answer) and any other failure keep the session.
 */
function refusesRefreshToken(error: unknown): boolean {
  return error instanceof CognitoError && !isTransient(error);
}

function requireSettings(): CognitoSettings {
  const settings = cognitoSettings();
  if (!settings) {
    throw new CognitoError(
      'NotConfigured',
      'this storefront was built without VITE_COGNITO_ENDPOINT and VITE_COGNITO_CLIENT_ID.',
    );
  }
  return settings;
}

function remember(tokens: Tokens): Session {
  const refreshToken = tokens.refreshToken ?? readStored()?.refreshToken ?? '';
  const stored: StoredSession = { idToken: tokens.idToken, refreshToken, expiresAt: tokens.expiresAt };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  const session = sessionOf(stored);
  if (!session)
    throw new CognitoError('BadResponse', 'The sign-in service answered a token without a subject.');
  return session;
}

function readStored(): StoredSession | null {
  try {
    // Written by remember above, but localStorage is editable: the fields are checked, not trusted.
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<StoredSession> | null;
    return stored &&
      typeof stored.idToken === 'string' &&
      typeof stored.refreshToken === 'string' &&
      typeof stored.expiresAt === 'number'
      ? { idToken: stored.idToken, refreshToken: stored.refreshToken, expiresAt: stored.expiresAt }
      : null;
  } catch {
    return null;
  }
}

/** The claims are decoded, not verified: they name the shopper on screen; the API verifies. */
function sessionOf(stored: StoredSession): Session | null {
  const claims = tokenClaims(stored.idToken);
  if (!claims || typeof claims.sub !== 'string') return null;
  const email = typeof claims.email === 'string' ? claims.email : '';
  const displayName = claims['custom:display_name'];
  return {
    userId: claims.sub,
    email,
    name: typeof displayName === 'string' && displayName.trim() ? displayName : email || claims.sub,
    token: stored.idToken,
    expiresAt: stored.expiresAt,
    staff: isStaffToken(stored.idToken),
  };
}
