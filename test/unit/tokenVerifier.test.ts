import { createTokenVerifier, InvalidTokenError } from '../../src/auth/tokenVerifier';
import { generateIssuerKeys, signLocalToken } from '../../src/local/localKeys';
import { BAD_TOKENS } from '../support/badTokens';

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
