import { requireStaff } from '../../../src/resolvers/caller';
import { ALICE, refusalOf, STAFF, stubContext, stubStores } from '../../support/stubContext';

/** The guard of the staff operations: members of the Cognito group `admin` only. */
describe('requireStaff', () => {
  test('asks an anonymous caller to sign in, with UNAUTHENTICATED', async () => {
    // Prepare
    const ctx = stubContext(stubStores(), null);

    // Act
    const refusal = await refusalOf(Promise.resolve().then(() => requireStaff(ctx)));

    // Assess
    expect(refusal).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sign in as staff to use the back office',
      details: {},
    });
  });

  test('refuses a signed-in shopper with FORBIDDEN', async () => {
    // Prepare
    const ctx = stubContext(stubStores(), ALICE);

    // Act
    const refusal = await refusalOf(Promise.resolve().then(() => requireStaff(ctx)));

    // Assess
    expect(refusal).toEqual({ code: 'FORBIDDEN', message: 'Only staff may do this', details: {} });
  });

  test('returns a staff caller', () => {
    // Prepare
    const ctx = stubContext(stubStores(), STAFF);

    // Act
    const caller = requireStaff(ctx);

    // Assess
    expect(caller).toBe(STAFF);
  });
});
