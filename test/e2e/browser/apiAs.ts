import { DEMO_USERS } from '../../../local/demoUsers';
import { signIn } from '../../../local/userPool';
import type { StorefrontProcess } from './storefrontProcess';

/** Sends one GraphQL operation as the signed-in user; rejects on any GraphQL error. */
export type GraphQLAs = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/**
 * Someone else at the store, straight through the API (a second shopper buying, say, or Sam, the
 * staff member), signed in to the storefront's user pool as the demo account whose display name
 * is `displayName`, as the sign-in page's button for that account does: the same user as in the
 * browser, with the same cart and orders.
 */
export async function apiAs(storefront: StorefrontProcess, displayName: string): Promise<GraphQLAs> {
  const idToken = await idTokenOf(storefront, displayName);
  return async (query, variables = {}) => {
    const response = await fetch(storefront.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${idToken}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (body.errors) throw new Error(`${displayName}: ${JSON.stringify(body.errors)}`);
    return body.data ?? {};
  };
}

/**
 * The API's user id of a demo account: the `sub` the pool gave it, which is what the staff area
 * shows as an order's customer.
 */
export async function userIdOf(storefront: StorefrontProcess, displayName: string): Promise<string> {
  const [, payload = ''] = (await idTokenOf(storefront, displayName)).split('.');
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
}

async function idTokenOf(storefront: StorefrontProcess, displayName: string): Promise<string> {
  const account = DEMO_USERS.find((user) => user.displayName === displayName);
  if (!account) throw new Error(`No demo account is called ${displayName}`);
  return (await signIn(storefront.userPool, account.email, account.password)).idToken;
}
