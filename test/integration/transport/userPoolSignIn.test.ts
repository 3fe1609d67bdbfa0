import { mkdtempSync, rmSync } from 'node:fs';
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

  test('refuses the same sign-in’s access token with 401 (it names no audience)', async () => {
    // Prepare: cognito-local's access tokens carry no `aud` (Cognito's carry `client_id` instead),
    // so the audience check alone refuses this one; the next test shows `token_use` is checked too.
    const user = await signedIn(testUserPool());

    // Act and Assess
    expect(claimsOf(user.accessToken)).toMatchObject({ sub: user.sub, token_use: 'access' });
    expect(claimsOf(user.accessToken).aud).toBeUndefined();
    expect(await status(user.accessToken)).toBe(401);
  });

  test('refuses an access token naming the app client as audience with 401: only ID tokens pass', async () => {
    // Prepare: the pool's key, issuer and audience, a real user's sub; the same token as an ID token
    // passes, so the only flaw of the other is its `token_use`.
    const user = await signedIn(testUserPool(), { name: 'Ada Access' });
    const signer = emulatorSigner(testUserPool());
    const access = signPoolToken(signer, { sub: user.sub, token_use: 'access' });
    const id = signPoolToken(signer, { sub: user.sub, name: 'Ada Access' });

    // Act
    const statuses = [await status(access), await status(id)];

    // Assess
    expect(claimsOf(access)).toMatchObject({
      aud: testUserPool().clientId,
      iss: claimsOf(user.idToken).iss,
      token_use: 'access',
    });
    expect(statuses).toEqual([401, 200]);
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
    // Prepare: a second pool, made from the same definitions, its own user signed in; its
    // recorded ids go in a folder of the test's own, removed afterwards.
    const otherDir = mkdtempSync(join(tmpdir(), 'store-other-pool-'));
    try {
      const other = await ensureUserPool(testUserPool().endpoint, join(otherDir, 'pool.json'));
      const stranger = await signedIn(other);

      // Act and Assess
      expect(other.userPoolId).not.toBe(testUserPool().userPoolId);
      expect(await status(stranger.idToken)).toBe(401);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
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
