import { SIGN_IN_PATH } from './localAuth';
import { isStaffToken } from './staffClaim';

/**
 * Who is signed in: the token and the name it was minted for, kept in localStorage so a reload
 * keeps the shopper signed in. The token is only ever sent in the Authorization header.
 */
export interface Session {
  userId: string;
  name: string;
  token: string;
  /**
   * The token's `cognito:groups` holds the staff group: the storefront then offers its staff area.
   * Read from the token, never stored, and only a hint for what to show: the API verifies the
   * token and refuses a staff operation to anyone else (FORBIDDEN).
   */
  staff: boolean;
}

const STORAGE_KEY = 'store.session';

export function currentSession(): Session | null {
  try {
    // Written by signIn below, but localStorage is editable: the fields are checked, not trusted.
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
    return stored && typeof stored.token === 'string' && typeof stored.userId === 'string'
      ? sessionOf(stored.userId, stored.name, stored.token)
      : null;
  } catch {
    return null;
  }
}

export function signOut(): void {
  localStorage.removeItem(STORAGE_KEY);
}

function sessionOf(userId: string, name: string | undefined, token: string): Session {
  return { userId, name: name ?? userId, token, staff: isStaffToken(token) };
}

export class SignInUnavailableError extends Error {
  constructor() {
    super('Local sign-in exists only in the local runtime: start the storefront with `npm run storefront`.');
    this.name = 'SignInUnavailableError';
  }
}

/** Asks the local issuer (through the dev server) for a token for `userId`, a staff one if `staff`. */
export async function signIn(userId: string, name: string, staff = false): Promise<Session> {
  const response = await fetch(SIGN_IN_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, name, ...(staff ? { staff: true } : {}) }),
  });
  if (response.status === 404) throw new SignInUnavailableError();
  if (!response.ok) throw new Error(`Sign-in failed (HTTP ${response.status})`);
  // The dev server's own answer (web/localSignIn.ts), not third-party input.
  const answer = (await response.json()) as { userId: string; name: string; token: string };
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ userId: answer.userId, name: answer.name, token: answer.token }),
  );
  return sessionOf(answer.userId, answer.name, answer.token);
}
