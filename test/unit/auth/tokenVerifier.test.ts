import { createTokenVerifier, InvalidTokenError } from '../../../src/auth/tokenVerifier';
import { FetchError } from 'aws-jwt-verify/error';
import { generateIssuerKeys, signLocalToken } from '../../../local/localKeys';
import { BAD_TOKENS } from '../../support/badTokens';

const keys = generateIssuerKeys();
const verifier = createTokenVerifier({ kind: 'local', jwks: keys.jwks });

async function rejectionOf(token: string): Promise<unknown> {
  return verifier.verify(token).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the local token verifier', () => {
  test('resolves a valid token to its subject and display name', async () => {
    // Act
    const caller = await verifier.verify(signLocalToken(keys, { sub: 'alice', name: '  Alice Liddell  ' }));

    // Assess
    expect(caller).toEqual({ userId: 'alice', displayName: 'Alice Liddell' });
  });

  test('calls a caller without a name claim "Customer"', async () => {
    // Act
    const caller = await verifier.verify(signLocalToken(keys, { sub: 'bob' }));

    // Assess
    expect(caller).toEqual({ userId: 'bob', displayName: 'Customer' });
  });

  test('never signs comments with cognito:username, an opaque id in an email-sign-in pool', async () => {
    // Act
    const caller = await verifier.verify(
      signLocalToken(keys, { sub: 'carol', 'cognito:username': '7f3c9a4e-5b1d-4c2e-9f0a-2d6b8e1c4a7f' }),
    );

    // Assess
    expect(caller).toEqual({ userId: 'carol', displayName: 'Customer' });
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
  const poolToken = () =>
    signLocalToken(keys, {
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
    const cognito = createTokenVerifier(
      { kind: 'cognito', userPoolId, clientId },
      { jwksFetcher: { fetch: () => Promise.reject(outage) } },
    );

    // Act
    const error = await cognito.verify(poolToken()).catch((reason: unknown) => reason);

    // Assess
    expect(error).toBe(outage);
  });

  test('rejects a token whose key is not among the pool’s keys as an invalid token', async () => {
    // Prepare: the pool's JWKS downloads fine but holds another key.
    const otherKeys = generateIssuerKeys();
    const jwks = new TextEncoder().encode(JSON.stringify(otherKeys.jwks)).buffer;
    const cognito = createTokenVerifier(
      { kind: 'cognito', userPoolId, clientId },
      { jwksFetcher: { fetch: () => Promise.resolve(jwks) } },
    );

    // Act
    const error = await cognito.verify(poolToken()).catch((reason: unknown) => reason);

    // Assess
    expect(error).toBeInstanceOf(InvalidTokenError);
  });
});
