/**
 * The local sign-in's route, shared by the page that calls it (session.ts) and the dev server
 * that serves it (vite.config.ts). Only the Vite dev server answers it: a static build has none.
 */
export const SIGN_IN_PATH = '/local-auth/sign-in';

/**
 * The people the local sign-in offers; any id works, these just have names. A `staff` user's token
 * carries the staff group (docs/auth.md, "Staff"), and the storefront then offers its staff area.
 */
export const DEMO_USERS: ReadonlyArray<{ userId: string; name: string; staff?: boolean }> = [
  { userId: 'alice', name: 'Alice' },
  { userId: 'bob', name: 'Bob' },
  { userId: 'carol', name: 'Carol' },
  { userId: 'sam', name: 'Sam (staff)', staff: true },
];
