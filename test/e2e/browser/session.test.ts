import { signIn } from '../../../local/userPool';
import { headerLink, productCard, signInAs, signOut, type Chromium } from './chromium';
import { claimsOf, fulfilment, isPoolCall, sessionTools, UNREACHABLE } from './sessionTools';
import type { StoredSession } from './sessionTools';
import { useStorefrontSession, type StorefrontProcess, type StorefrontSession } from './storefrontProcess';

/**
 * Signing in and staying signed in, end to end (`npm run storefront` in Debian's Chromium, every
 * sign-in through its user pool): the email form, sign-out and revocation, renewal of the ID token,
 * and what the session does when the pool or the API says no, or says nothing. Each test continues
 * where the previous one left the shop. Screenshots: test-results/screenshots/.
 */
// A step waits on page loads, API round trips and Vite's first compile of a module.
jest.setTimeout(60_000);

const session = useStorefrontSession();
const { storedSession, storeSession, poolRenews, revoke, isPoolUrl, isApiCall, signInWithEmail, createUser } =
  sessionTools(session);
let storefront: StorefrontProcess;
let chromium: Chromium;
let page: StorefrontSession['page'];
beforeAll(() => ({ storefront, chromium, page } = session));

describe('signing in to the storefront, and staying signed in', () => {
  afterEach(() => page.unrouteAll({ behavior: 'ignoreErrors' }));

  test("refuses a wrong password with the user pool's refusal in words, and stays signed out", async () => {
    // Prepare
    await page.goto(storefront.storefrontUrl);
    await page.getByRole('heading', { name: 'Products' }).waitFor();

    // Act
    await signInWithEmail('alice@example.com', 'Not-her-password-1');

    // Assess
    await page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' }).waitFor();
    expect(await storedSession()).toBeNull();
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).isVisible()).toBe(true);
    await chromium.screenshot('00-sign-in-refused');
  });

  test('signs in with an email and password through the user pool, with the display name of the token', async () => {
    // Act
    await signInWithEmail('alice@example.com', 'Shopper-demo-1');

    // Assess
    await page.getByText('Welcome, Alice!').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Alice');
    const stored = await storedSession();
    expect(claimsOf(stored?.idToken ?? '')).toMatchObject({
      email: 'alice@example.com',
      'custom:display_name': 'Alice',
      token_use: 'id',
    });
    expect(stored?.refreshToken).toEqual(expect.any(String));
    expect(stored?.expiresAt).toBeGreaterThan(Date.now());
  });

  test('signs out: the session is forgotten, a reload stays signed out, and the refresh token is revoked', async () => {
    // Prepare
    const { refreshToken } = (await storedSession()) as StoredSession;
    const revocation = page.waitForResponse(isPoolCall('RevokeToken'));

    // Act
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Assess
    await page.getByText('You are signed out.').waitFor();
    expect(await storedSession()).toBeNull();
    expect((await revocation).status()).toBe(200);
    expect(await poolRenews(refreshToken)).toBe(false);
    await page.reload();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  });

  test('renews the ID token before it expires, and the next API call sends the new one', async () => {
    // Prepare: Alice has Lonely Bird in her cart, and the stored session says its ID token expires
    // in a minute, inside the renewal margin.
    await signInAs(page, 'Alice');
    await productCard(page, 'Lonely Bird').getByRole('button', { name: 'Add to cart' }).click();
    await productCard(page, 'Lonely Bird').getByText('In your cart').waitFor();
    const before = (await storedSession()) as StoredSession;
    await storeSession({ ...before, expiresAt: Date.now() + 60_000 });
    const renewal = page.waitForResponse(isPoolCall('InitiateAuth'));
    const apiCall = page.waitForRequest(
      (request) => request.url() === storefront.apiUrl && request.method() === 'POST',
    );

    // Act: the cart page's request.
    await page.getByRole('link', { name: /^Cart/ }).click();

    // Assess
    expect((await renewal).status()).toBe(200);
    const sent = (await apiCall).headers().authorization;
    await page.getByRole('cell', { name: 'Lonely Bird', exact: true }).waitFor();
    const after = (await storedSession()) as StoredSession;
    expect(after.idToken).not.toBe(before.idToken);
    expect(sent).toBe(`Bearer ${after.idToken}`);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(claimsOf(after.idToken).sub).toBe(claimsOf(before.idToken).sub);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Alice');
  });

  test('keeps the session while the user pool does not answer, its ID token expired, and renews once it does', async () => {
    // Prepare: the ID token expired a minute ago, and the pool is unreachable, then answers 503.
    const before = (await storedSession()) as StoredSession;
    const expired = { ...before, expiresAt: Date.now() - 60_000 };
    await storeSession(expired);
    await page.route(isPoolUrl, (route) => route.abort('connectionrefused'));

    // Act
    await headerLink(page, 'Products').click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(UNREACHABLE);
    await page.unrouteAll();
    const unavailable = { __type: 'InternalErrorException', message: 'Service unavailable' };
    await page.route(isPoolUrl, (route) => route.fulfill(fulfilment(503, unavailable)));
    const failedRenewal = page.waitForResponse(isPoolCall('InitiateAuth'));
    await page.getByRole('link', { name: /^Cart/ }).click();
    expect((await failedRenewal).status()).toBe(503);
    await page.getByRole('alert').filter({ hasText: UNREACHABLE }).waitFor();

    // Assess: still signed in, refresh token and all; once the pool answers, the next call renews.
    expect(await storedSession()).toEqual(expired);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Alice');
    await page.unrouteAll();
    const renewal = page.waitForResponse(isPoolCall('InitiateAuth'));
    await headerLink(page, 'Products').click();
    expect((await renewal).status()).toBe(200);
    await productCard(page, 'Lonely Bird').getByText('In your cart').waitFor();
    const after = (await storedSession()) as StoredSession;
    expect(after.idToken).not.toBe(before.idToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  test('renews the ID token once the API refuses it, sends the request again, and stays signed in', async () => {
    // Prepare: the API refuses the next request's token (HTTP 401), as it does one expired by its
    // clock while a slow browser clock still gives it minutes.
    const before = (await storedSession()) as StoredSession;
    const refused: string[] = [];
    await page.route(isApiCall, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || refused.length > 0) return route.continue();
      refused.push(request.headers().authorization ?? '');
      const error = { message: 'The token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } };
      return route.fulfill(fulfilment(401, { errors: [error] }));
    });
    const renewal = page.waitForResponse(isPoolCall('InitiateAuth'));
    const retry = page.waitForRequest(
      (request) =>
        request.url() === storefront.apiUrl &&
        request.method() === 'POST' &&
        request.headers().authorization !== `Bearer ${before.idToken}`,
    );

    // Act: the cart page's request.
    await page.getByRole('link', { name: /^Cart/ }).click();

    // Assess
    await page
      .getByRole('cell', { name: 'Lonely Bird', exact: true })
      .or(page.getByRole('alert'))
      .first()
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(refused).toEqual([`Bearer ${before.idToken}`]);
    expect((await renewal).status()).toBe(200);
    const after = (await storedSession()) as StoredSession;
    expect(after.idToken).not.toBe(before.idToken);
    expect((await retry).headers().authorization).toBe(`Bearer ${after.idToken}`);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Alice');
  });

  test('a renewal refused here signs out nothing when the shopper has signed in again in another tab meanwhile', async () => {
    // Prepare: this tab's session is due for renewal and its refresh token was revoked (signed out
    // elsewhere); the pool's answer to its renewal waits until Alice has signed in again elsewhere.
    const stale = (await storedSession()) as StoredSession;
    await revoke(stale.refreshToken);
    await storeSession({ ...stale, expiresAt: Date.now() + 60_000 });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(isPoolUrl, async (route) => {
      if (isPoolCall('InitiateAuth')(route.request())) await released;
      await route.continue();
    });
    const renewing = page.waitForRequest(isPoolCall('InitiateAuth'));
    const renewal = page.waitForResponse(isPoolCall('InitiateAuth'));

    // Act: the home page's request waits for the renewal; meanwhile the other tab stores its session.
    await headerLink(page, 'Products').click();
    await renewing;
    const tokens = await signIn(storefront.userPool, 'alice@example.com', 'Shopper-demo-1');
    const signedInAgain = {
      idToken: tokens.idToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Number(claimsOf(tokens.idToken).exp) * 1000,
    };
    await storeSession(signedInAgain);
    release();

    // Assess
    expect((await renewal).status()).toBe(400);
    await productCard(page, 'Lonely Bird').or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await storedSession()).toEqual(signedInAgain);
    expect(await poolRenews(signedInAgain.refreshToken)).toBe(true);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Alice');
  });

  test('signs the shopper out in words when the API refuses the token', async () => {
    // Prepare: a session whose ID token no key of the pool signed and whose refresh token the pool
    // no longer renews (as after `npm run reset`, which makes a new pool), and that is not due for
    // renewal, so it reaches the API, and the renewal the refusal leads to is refused too.
    const stored = (await storedSession()) as StoredSession;
    await revoke(stored.refreshToken);
    const [header, payload] = stored.idToken.split('.');
    await storeSession({ ...stored, idToken: `${header}.${payload}.bm90LWl0cy1zaWduYXR1cmU` });

    // Act
    await page.reload();

    // Assess
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your session has expired. Please sign in again.' })
      .waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await chromium.screenshot('06-session-expired');
  });

  test('signs the shopper out in words when the user pool refuses to renew the ID token', async () => {
    // Prepare: Carol's session is due for renewal, and its refresh token was revoked meanwhile (as
    // signing out in another browser does).
    await signInAs(page, 'Carol');
    const stored = (await storedSession()) as StoredSession;
    await revoke(stored.refreshToken);
    await storeSession({ ...stored, expiresAt: Date.now() + 60_000 });

    // Act
    await page.reload();

    // Assess
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your session has expired. Please sign in again.' })
      .waitFor();
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    expect(await storedSession()).toBeNull();
  });

  test('asks a user whom staff created with a temporary password to choose a password, then signs them in', async () => {
    // Prepare
    await createUser('Dora', 'Temporary-pass-1');
    await page.goto(storefront.storefrontUrl);

    // Act
    await signInWithEmail('dora@example.com', 'Temporary-pass-1');
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('Doras-own-pass-2');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();

    // Assess
    await page.getByText('Signed in as Dora').waitFor();
    await chromium.screenshot('08-new-password-set');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWithEmail('dora@example.com', 'Doras-own-pass-2');
    await page.getByText('Signed in as Dora').waitFor();
  });

  test('answers the new-password challenge as the user the pool names (USER_ID_FOR_SRP), not as the email typed', async () => {
    // Prepare
    await signOut(page);
    await createUser('Erin', 'Temporary-pass-1');
    const challenge = page.waitForResponse(isPoolCall('InitiateAuth'));
    const answer = page.waitForRequest(isPoolCall('RespondToAuthChallenge'));

    // Act
    await signInWithEmail('erin@example.com', 'Temporary-pass-1');
    await page.getByLabel('New password', { exact: true }).fill('Erins-own-pass-2');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();

    // Assess
    await page.getByText('Signed in as Erin').waitFor();
    const { ChallengeParameters } = (await (await challenge).json()) as {
      ChallengeParameters: { USER_ID_FOR_SRP: string };
    };
    expect(ChallengeParameters.USER_ID_FOR_SRP).not.toBe('erin@example.com');
    const { ChallengeResponses } = (await answer).postDataJSON() as {
      ChallengeResponses: Record<string, string>;
    };
    expect(ChallengeResponses.USERNAME).toBe(ChallengeParameters.USER_ID_FOR_SRP);
  });
});
