import type { StorefrontProcess } from './storefrontProcess';

/** Sends one GraphQL operation as the signed-in user; rejects on any GraphQL error. */
export type GraphQLAs = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/**
 * Someone else at the store, straight through the API (a second shopper buying, say, or a staff
 * member with `staff: true`), with a token from the storefront's own local sign-in.
 */
export async function apiAs(
  storefront: StorefrontProcess,
  userId: string,
  { staff = false }: { staff?: boolean } = {},
): Promise<GraphQLAs> {
  const signIn = await fetch(new URL('/local-auth/sign-in', storefront.storefrontUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, name: userId, ...(staff ? { staff: true } : {}) }),
  });
  const { token } = (await signIn.json()) as { token: string };
  return async (query, variables = {}) => {
    const response = await fetch(storefront.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (body.errors) throw new Error(`${userId}: ${JSON.stringify(body.errors)}`);
    return body.data ?? {};
  };
}
