import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorSigner, signPoolToken } from '../../../local/poolTokens';
import { ensureUser, ensureUserPool, signIn, type LocalUserPool } from '../../../local/userPool';
import { claimsOf } from '../../support/badTokens';
import { graphqlPost } from '../../support/events';
import { LONELY_BIRD, useTestApp } from '../../support/fixtures';
import { uniqueId } from '../../support/storeApi';
import { testUserPool } from '../../support/testApp';

/**
 * Tokens as the run's user pool (cognito-local, made from deploy/userPool.yml) really issues them,
 * through the sign-in the storefront uses (USER_PASSWORD_AUTH), against the real handler: the
 * API accepts the pool's ID tokens and nothing else it issues or anyone forges.
 */
const app = useTestApp({ products: [LONELY_BIRD] });
const WHO_AM_I = { query: 'mutation { addComment(productId: "lonely-bird", text: "Signed in") { author } }' };
const STAFF_READ = { query: '{ allOrders(first: 1) { nodes { id } } }' };

async function signedIn(pool: LocalUserPool, { staff = false, name = 'Pool User' } = {}) {
  const email = `${uniqueId('pool-user')}@example.com`;
  const password = 'Pool-user-pass-1';
  const sub = await ensureUser(pool, { email, password, displayName: name, staff });
  return { sub, ...(await signIn(pool, email, password)) };
}

async function status(token: string, request = WHO_AM_I): Promise<number> {
  return (await app.invoke(graphqlPost(request, { token }))).statusCode ?? 0;
}

describe('the local user pool’s sign-in', () => {
  test('gives an ID token the API accepts as the user the pool knows, signed with their display name', async () => {
    // Prepare
    const user = await signedIn(testUserPool(), { name: 'Pia Pool' });

    // Act
    const response = await app.graphql<{ addComment: { author: string } }>(WHO_AM_I, { token: user.idToken });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.data?.addComment.author).toBe('Pia Pool');
    expect(claimsOf(user.idToken)).toMatchObject({ sub: user.sub, token_use: 'id' });
    const stored = await app.scan('comments');
    expect(stored.filter((comment) => comment.authorId === user.sub)).toHaveLength(1);
  });

  test('makes a member of the admin group staff, and refuses staff reads to a shopper', async () => {
    // Prepare
    const [staff, shopper] = await Promise.all([
      signedIn(testUserPool(), { staff: true }),
      signedIn(testUserPool()),
    ]);

    // Act
    const asStaff = await app.graphql(STAFF_READ, { token: staff.idToken });
    const asShopper = await app.graphql(STAFF_READ, { token: shopper.idToken });

    // Assess
    expect(asStaff.body.errors).toBeUndefined();
    expect(asShopper.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  test('refuses the same sign-in’s access token with 401', async () => {
    // Prepare
    const user = await signedIn(testUserPool());

    // Act and Assess
    expect(claimsOf(user.accessToken).token_use).toBe('access');
    expect(await status(user.accessToken)).toBe(401);
  });

  test('refuses a tampered ID token with 401, whichever part was changed', async () => {
    // Prepare: the payload names another user; then the signature loses a character.
    const { idToken } = await signedIn(testUserPool());
    const [header, payload, signature] = idToken.split('.') as [string, string, string];
    const otherSub = Buffer.from(JSON.stringify({ ...claimsOf(idToken), sub: 'someone-else' })).toString(
      'base64url',
    );

    // Act
    const statuses = await Promise.all([
      status(`${header}.${otherSub}.${signature}`),
      status(`${header}.${payload}.${signature.slice(0, -2)}`),
    ]);

    // Assess
    expect(statuses).toEqual([401, 401]);
    expect(payload).not.toBe(otherSub);
  });

  test('refuses an ID token of another pool of the same emulator with 401', async () => {
    // Prepare: a second pool, made from the same definitions, its own user signed in.
    const other = await ensureUserPool(
      testUserPool().endpoint,
      join(mkdtempSync(join(tmpdir(), 'store-other-pool-')), 'pool.json'),
    );
    const stranger = await signedIn(other);

    // Act and Assess
    expect(other.userPoolId).not.toBe(testUserPool().userPoolId);
    expect(await status(stranger.idToken)).toBe(401);
  });

  test('refuses an expired ID token of the pool with 401', async () => {
    // Prepare: the pool's own key and claims, an hour in the past (its tokens last an hour).
    const expired = signPoolToken(emulatorSigner(testUserPool()), {
      sub: 'late-user',
      name: 'Late',
      expiresInSeconds: -60,
    });

    // Act and Assess
    expect(await status(expired)).toBe(401);
  });
});
