import { STAFF_GROUP } from '../src/auth/tokenVerifier';
import { loadOrCreateIssuerKeys, signLocalToken } from './localKeys';
import { localStatePaths } from './localState';

/**
 * `npm run --silent token -- <userId> [<displayName>] [--admin]` prints only a Bearer token of the
 * local issuer, so it composes: `TOKEN=$(npm run --silent token -- alice Alice)`. With `--admin`
 * (in any position), it is a staff member's token: its `cognito:groups` claim holds the staff
 * group, as the Cognito ID token of a member of that group does (docs/auth.md, "Staff").
 */
const ADMIN_FLAG = '--admin';
const args = process.argv.slice(2);
const admin = args.includes(ADMIN_FLAG);
const [userId, displayName] = args.filter((arg) => arg !== ADMIN_FLAG);
const unknownOption = args.find((arg) => arg.startsWith('--') && arg !== ADMIN_FLAG);
if (!userId || !/^[\w.@-]{1,128}$/.test(userId) || unknownOption) {
  console.error('Usage: npm run --silent token -- <userId> [<displayName>] [--admin]');
  console.error('userId: 1-128 letters, digits, ".", "_", "@" or "-".');
  console.error(`--admin: a staff member's token (Cognito group "${STAFF_GROUP}").`);
  if (unknownOption) console.error(`Unknown option: ${unknownOption}`);
  process.exit(2);
}
const keys = loadOrCreateIssuerKeys(localStatePaths().issuerKeys);
console.log(
  signLocalToken(keys, {
    sub: userId,
    name: displayName?.trim() || userId,
    ...(admin ? { 'cognito:groups': [STAFF_GROUP] } : {}),
  }),
);
