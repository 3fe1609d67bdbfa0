import { loadOrCreateIssuerKeys, signLocalToken } from './localKeys';
import { localStatePaths } from './localState';

/**
 * `npm run --silent token -- <userId> [<displayName>]` prints only a Bearer token of the local
 * issuer, so it composes: `TOKEN=$(npm run --silent token -- alice Alice)`.
 */
const [userId, displayName] = process.argv.slice(2);
if (!userId || !/^[\w.@-]{1,128}$/.test(userId)) {
  console.error('Usage: npm run --silent token -- <userId> [<displayName>]');
  console.error('userId: 1-128 letters, digits, ".", "_", "@" or "-".');
  process.exit(2);
}
const keys = loadOrCreateIssuerKeys(localStatePaths().issuerKeys);
console.log(signLocalToken(keys, { sub: userId, name: displayName?.trim() || userId }));
