import { ApiError } from './apiError';

/** What a page knows that makes a message concrete: the names of the products it shows. */
export interface ErrorContext {
  productNames?: ReadonlyMap<string, string>;
}

/**
 * The sentence a shopper sees for a failed request. The API's messages are safe to show but are
 * written for developers ("quantity must be between 1 and 99"); these say what happened and what
 * to do, in the shopper's terms. Unknown codes and non-API failures get a generic sentence, never
 * a stack or a raw message.
 */
export function describeError(error: unknown, context: ErrorContext = {}): string {
  if (!(error instanceof ApiError)) return GENERIC;
  switch (error.code) {
    case 'OUT_OF_STOCK':
      return outOfStock(error, context);
    case 'BAD_USER_INPUT':
      return badUserInput(error);
    case 'UNAUTHENTICATED':
      return error.status === 401
        ? 'Your session has expired. Please sign in again.'
        : 'Please sign in to use your cart, see your orders or write comments.';
    case 'NOT_FOUND':
      return 'That product is no longer in our catalogue.';
    case 'CONFLICT':
      return 'Your cart changed while we were working on it. Please check it and try again.';
    case 'RATE_LIMITED':
      return rateLimited(error);
    case 'NETWORK_ERROR':
      return 'We could not reach the store. Check your connection and try again.';
    default:
      return GENERIC;
  }
}

const GENERIC = 'Something went wrong on our side. Please try again in a moment.';

function outOfStock(error: ApiError, { productNames }: ErrorContext): string {
  const ids = Array.isArray(error.extensions.productIds) ? error.extensions.productIds : [];
  const names = ids.map((id) => productNames?.get(String(id)) ?? String(id));
  if (names.length === 0) return 'Sorry, some of these products are out of stock.';
  const verb = names.length === 1 ? 'is' : 'are';
  return `Sorry, ${listOf(names)} ${verb} out of stock in the quantity you asked for. Lower the quantity or remove ${names.length === 1 ? 'it' : 'them'} from your cart.`;
}

/** Too many comments in a minute: `extensions.retryAfterSeconds` says when the next is accepted. */
function rateLimited(error: ApiError): string {
  const seconds = Number(error.extensions.retryAfterSeconds);
  const wait =
    Number.isInteger(seconds) && seconds > 0 ? `${seconds} second${seconds === 1 ? '' : 's'}` : 'a minute';
  return `You are commenting very quickly. Please wait ${wait} before posting again.`;
}

/** BAD_USER_INPUT names the offending input in `extensions.field`. */
function badUserInput(error: ApiError): string {
  switch (error.extensions.field) {
    case 'promotionCode':
      return 'That promotion code is not valid. Check the spelling and try again.';
    case 'quantity':
      return 'Choose a quantity between 1 and 99.';
    case 'text':
      return 'Please write a comment of 1 to 2000 characters.';
    case 'rating':
      return 'A rating is from 1 to 5 stars.';
    case 'cart':
      return error.message === 'The cart is empty'
        ? 'Your cart is empty: add a product before checking out.'
        : `Your cart cannot be checked out: ${error.message}.`;
    default:
      return `That did not work: ${error.message}.`;
  }
}

function listOf(names: readonly string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names);
}
