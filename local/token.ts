import { randomBytes } from 'node:crypto';
import { STAFF_GROUP } from '../src/auth/tokenVerifier';
import { DEMO_USERS } from './demoUsers';
import { localStatePaths, runningStart } from './localState';
import { ensureUser, signIn } from './userPool';

/**
 * `npm run --silent token -- <userId> [<displayName>] [--admin]` prints only an ID token of the
 * local user pool, so it composes: `TOKEN=$(npm run --silent token -- alice Alice)`. The user is
 * `<userId>@example.com` (or `<userId>` when it is an email address), created in the pool if it is
 * not there, with the display name given (else its own, or the id), in the staff group with
 * `--admin` and out of it without, as docs/auth.md describes; then it signs in as the storefront
 * does. The API knows the user by the pool's `sub`, whatever `<userId>` was.
 */
const ADMIN_FLAG = '--admin';
const args = process.argv.slice(2);
const admin = args.includes(ADMIN_FLAG);
const [userId, displayName] = args.filter((arg) => arg !== ADMIN_FLAG);
const unknownOption = args.find((arg) => arg.startsWith('--') && arg !== ADMIN_FLAG);

async function main(): Promise<void> {
  if (!userId || !/^[\w.@+-]{1,128}$/.test(userId) || unknownOption) {
    console.error('Usage: npm run --silent token -- <userId> [<displayName>] [--admin]');
    console.error('userId: 1-128 letters, digits, ".", "_", "+", "@" or "-" (an email address, or a name).');
    console.error(`--admin: a staff member's token (Cognito group "${STAFF_GROUP}").`);
    if (unknownOption) console.error(`Unknown option: ${unknownOption}`);
    process.exit(2);
  }
  const pool = runningStart(localStatePaths().runtimeFile)?.userPool;
  if (!pool) {
    console.error('The local user pool runs with the API: start it with `npm start`, then ask again.');
    process.exit(1);
  }
  // The pool's usernames are emails, compared without case in AWS (UsernameConfiguration).
  const email = (userId.includes('@') ? userId : `${userId}@example.com`).toLowerCase();
  const demo = DEMO_USERS.find((user) => user.email === email);
  // A demo user keeps the password the docs give; anyone else gets a fresh one, used just here.
  const password = demo?.password ?? `Tk-${randomBytes(12).toString('base64url')}-9a`;
  await ensureUser(pool, {
    email,
    password,
    displayName: displayName?.trim() || demo?.displayName || userId,
    staff: admin,
  });
  console.log((await signIn(pool, email, password)).idToken);
}

main().catch((error: unknown) => {
  console.error(`Could not get a token: ${(error as Error).message}`);
  process.exit(1);
});
