import type { Caller } from '../auth/tokenVerifier';
import type { StoreContext } from './context';
import { clientError, ErrorCode } from '../shared/errors';

/** Carts and comments belong to someone: anonymous callers are refused before any read. */
export function requireCaller(ctx: StoreContext): Caller {
  if (!ctx.caller) {
    throw clientError(ErrorCode.Unauthenticated, 'Sign in to use the cart or write comments');
  }
  return ctx.caller;
}
