/** The Cognito group of staff members, as the API's verifier knows it (docs/auth.md, "Staff"). */
export const STAFF_GROUP = 'admin';

/**
 * Whether a token's `cognito:groups` claim is a list that contains the staff group (as the API's
 * verifier decides it). The payload is decoded, not verified: it only decides what the storefront
 * offers, and a forged claim shows a page whose every request the API refuses.
 */
export function isStaffToken(token: string): boolean {
  const [, payload] = token.split('.');
  if (!payload) return false;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    if (typeof claims !== 'object' || claims === null || !('cognito:groups' in claims)) return false;
    const groups = claims['cognito:groups'];
    return Array.isArray(groups) && groups.includes(STAFF_GROUP);
  } catch {
    return false;
  }
}
