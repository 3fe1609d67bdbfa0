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

/**
 * Back-office operations belong to staff (the Cognito group `admin`): anonymous callers are asked
 * to sign in, signed-in shoppers are refused, before any read.
 */
export function requireStaff(ctx: StoreContext): Caller {
  const caller = ctx.caller;
  if (!caller) throw clientError(ErrorCode.Unauthenticated, 'Sign in as staff to use the back office');
  if (!caller.staff) throw clientError(ErrorCode.Forbidden, 'Only staff may do this');
  return caller;
}
