import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidTokenError, type Caller, type TokenVerifier } from '../auth/tokenVerifier';
import { invalidToken } from '../shared/errors';

/**
 * No Authorization header: an anonymous caller (public reads still work). A header that is not a
 * valid Bearer token is rejected outright with 401 rather than downgraded to anonymous, so a
 * client with an expired session learns it instead of seeing an empty cart.
 */
export async function identify(
  event: APIGatewayProxyEventV2,
  verifier: TokenVerifier,
): Promise<Caller | null> {
  const header = event.headers?.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([^\s,]+)$/i.exec(header.trim());
  if (!match?.[1]) throw invalidToken();
  try {
    return await verifier.verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw invalidToken();
    throw error;
  }
}
