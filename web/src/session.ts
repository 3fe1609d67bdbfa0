import { SIGN_IN_PATH } from './localAuth';

/**
 * Who is signed in: the token and the name it was minted for, kept in localStorage so a reload
 * keeps the shopper signed in. The token is only ever sent in the Authorization header.
 */
export interface Session {
  userId: string;
  name: string;
  token: string;
}

const STORAGE_KEY = 'store.session';

export function currentSession(): Session | null {
  try {
    // Written by signIn below, but localStorage is editable: the fields are checked, not trusted.
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
    return stored && typeof stored.token === 'string' && typeof stored.userId === 'string'
      ? { userId: stored.userId, name: stored.name ?? stored.userId, token: stored.token }
      : null;
  } catch {
    return null;
  }
}

export function signOut(): void {
  localStorage.removeItem(STORAGE_KEY);
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
  const session = (await response.json()) as Session;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  return session;
}
