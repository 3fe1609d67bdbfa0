import { createTokenVerifier, InvalidTokenError } from '../../../src/auth/tokenVerifier';
import { FetchError } from 'aws-jwt-verify/error';
import { signPoolToken } from '../../../local/poolTokens';
import { generatedPool } from '../../support/generatedPool';
import { BAD_TOKENS } from '../../support/badTokens';

// A pool at an emulator's address (as cognito-local serves npm start and the tests).
const { signer: keys, fetcher } = generatedPool();
const verifier = createTokenVerifier(keys.pool, { jwksFetcher: fetcher });

async function rejectionOf(token: string): Promise<unknown> {
  return verifier.verify(token).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the token verifier of a pool at an emulator’s address', () => {
  test('resolves a valid token to its subject and display name', async () => {
    // Act
    const caller = await verifier.verify(signPoolToken(keys, { sub: 'alice', name: '  Alice Liddell  ' }));

    // Assess
    expect(caller).toEqual({ userId: 'alice', displayName: 'Alice Liddell', staff: false });
  });

  test('calls a caller without a name claim "Customer"', async () => {
    // Act
    const caller = await verifier.verify(signPoolToken(keys, { sub: 'bob' }));

    // Assess
    expect(caller).toEqual({ userId: 'bob', displayName: 'Customer', staff: false });
  });

  test('never signs comments with the user-writable name claim, only the display name staff set', async () => {
    // Act
    const caller = await verifier.verify(
      signPoolToken(keys, { sub: 'dave', name: 'Definitely Staff', 'custom:display_name': undefined }),
    );

    // Assess
    expect(caller).toEqual({ userId: 'dave', displayName: 'Customer', staff: false });
  });

  test('never signs comments with cognito:username, an opaque id in an email-sign-in pool', async () => {
    // Act
    const caller = await verifier.verify(
      signPoolToken(keys, { sub: 'carol', 'cognito:username': '7f3c9a4e-5b1d-4c2e-9f0a-2d6b8e1c4a7f' }),
    );

    // Assess
    expect(caller).toEqual({ userId: 'carol', displayName: 'Customer', staff: false });
  });

  test.each([
    { what: 'holds the staff group', groups: ['admin'], staff: true },
    { what: 'holds the staff group among others', groups: ['shoppers', 'admin'], staff: true },
    { what: 'holds only other groups', groups: ['shoppers'], staff: false },
    { what: 'holds no group', groups: [], staff: false },
    { what: 'is the string "admin", not a list', groups: 'admin', staff: false },
    { what: 'names the group in another case', groups: ['Admin'], staff: false },
    { what: 'is absent', groups: undefined, staff: false },
  ])('makes a caller staff=$staff when cognito:groups $what', async ({ groups, staff }) => {
    // Prepare
    const claims = groups === undefined ? {} : { 'cognito:groups': groups };

    // Act
    const caller = await verifier.verify(signPoolToken(keys, { sub: 'sam', name: 'Sam', ...claims }));

    // Assess
    expect(caller).toEqual({ userId: 'sam', displayName: 'Sam', staff });
  });

  test('refuses the pool’s ID tokens for another app client, and another pool’s', async () => {
    // Prepare: right key, wrong audience; then a second pool at the same address.
    const otherClient = signPoolToken(
      { ...keys, pool: { ...keys.pool, clientId: 'another-client' } },
      { sub: 'alice' },
    );
    const otherPool = signPoolToken(
      { ...keys, pool: { ...keys.pool, userPoolId: 'local_other' } },
      { sub: 'alice' },
    );

    // Act
    const errors = await Promise.all([rejectionOf(otherClient), rejectionOf(otherPool)]);

    // Assess
    expect(errors.map((error) => error instanceof InvalidTokenError)).toEqual([true, true]);
  });

  test.each(BAD_TOKENS)(
    'rejects $what with InvalidTokenError caused by $rejectedBy.name',
    async ({ token, rejectedBy, message }) => {
      // Act
      const error = await rejectionOf(token(keys));

      // Assess
      expect(error).toBeInstanceOf(InvalidTokenError);
      const cause =
        error instanceof InvalidTokenError && error.cause instanceof Error ? error.cause : undefined;
      expect(cause?.constructor).toBe(rejectedBy);
      if (message !== undefined) expect(cause?.message).toBe(message);
    },
  );
});

describe('the Cognito token verifier', () => {
  const userPoolId = 'us-east-1_AbCdEfGhI';
  const clientId = 'storefront-client';
  const cognitoPool = { userPoolId, clientId };
  const poolToken = () =>
    signPoolToken(keys, {
      sub: 'alice',
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
      aud: clientId,
      token_use: 'id',
    });

  test('fails as the API’s own error, not a 401, when the pool’s keys cannot be downloaded', async () => {
    // Prepare: the download times out, as it would during an outage.
    const outage = new FetchError(
      'https://cognito-idp.example/jwks.json',
      'Response time-out (after 1500 ms.)',
    );
    const cognito = createTokenVerifier(cognitoPool, {
      jwksFetcher: { fetch: () => Promise.reject(outage) },
    });

    // Act
    const error = await cognito.verify(poolToken()).catch((reason: unknown) => reason);

    // Assess
    expect(error).toBe(outage);
  });

  test('resolves a member of the pool’s admin group to a staff caller', async () => {
    // Prepare: the pool's JWKS holds the key that signed the token.
    const cognito = createTokenVerifier(cognitoPool, { jwksFetcher: fetcher });
    const token = (groups: string[]) =>
      signPoolToken(keys, {
        sub: 'sam',
        name: 'Sam',
        iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
        aud: clientId,
        token_use: 'id',
        'cognito:groups': groups,
      });

    // Act
    const staff = await cognito.verify(token(['admin']));
    const shopper = await cognito.verify(token(['shoppers']));

    // Assess
    expect(staff).toEqual({ userId: 'sam', displayName: 'Sam', staff: true });
    expect(shopper).toEqual({ userId: 'sam', displayName: 'Sam', staff: false });
  });

  test('rejects a token whose key is not among the pool’s keys as an invalid token', async () => {
    // Prepare: the pool's JWKS downloads fine but holds another key.
    const cognito = createTokenVerifier(cognitoPool, { jwksFetcher: generatedPool().fetcher });

    // Act
    const error = await cognito.verify(poolToken()).catch((reason: unknown) => reason);

    // Assess
    expect(error).toBeInstanceOf(InvalidTokenError);
  });
});
