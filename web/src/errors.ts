import { ApiError } from './apiError';

/**
 * What a page knows that makes a message concrete: the names of the products it shows, or that
 * the request was about one of the shopper's orders (cancelling it).
 */
export interface ErrorContext {
  productNames?: ReadonlyMap<string, string>;
  subject?: 'order' | 'browse';
}

/**
 * The sentence a shopper sees for a failed request. The API's messages are safe to show but are
 * written for developers ("quantity must be between 1 and 99"); these say what happened and what
 * to do, in the shopper's terms. Unknown codes and non-API failures get a generic sentence, never
 * a stack or a raw message.
 */
export function describeError(error: unknown, context: ErrorContext = {}): string {
  if (!(error instanceof ApiError)) return GENERIC;
  const aboutOrder = context.subject === 'order' ? ORDER_ERRORS[error.code] : undefined;
  if (aboutOrder) return aboutOrder;
  if (context.subject === 'browse' && error.code === 'BAD_USER_INPUT') return browseInput(error);
  switch (error.code) {
    case 'OUT_OF_STOCK':
      return outOfStock(error, context);
    case 'BAD_USER_INPUT':
      return badUserInput(error);
    case 'UNAUTHENTICATED':
      return error.status === 401
        ? 'Your session has expired. Please sign in again.'
        : 'Please sign in to use your cart, see your orders or write comments.';
    case 'FORBIDDEN':
      return 'Only staff may do that. Sign in with a staff account to use the staff area.';
    case 'NOT_FOUND':
      return 'That product is no longer in our catalogue.';
    case 'CONFLICT':
      return 'Your cart changed while we were working on it. Please check it and try again.';
    case 'RATE_LIMITED':
      return rateLimited(error);
    case 'NETWORK_ERROR':
      return 'We could not reach the store. Check your connection and try again.';
    case 'SIGN_IN_UNAVAILABLE':
      // api.ts's own sentence (session.ts's SIGN_IN_UNAVAILABLE): still signed in, try again.
      return error.message;
    default:
      return GENERIC;
  }
}

const GENERIC = 'Something went wrong on our side. Please try again in a moment.';

/** cancelOrder's refusals: shipped meanwhile, not the shopper's order, or a busy store. */
const ORDER_ERRORS: Readonly<Record<string, string>> = {
  BAD_USER_INPUT: 'This order has shipped: it can no longer be cancelled.',
  NOT_FOUND: 'We could not find that order. Reload the page and try again.',
  CONFLICT: 'The store is busy right now. Please try cancelling again in a moment.',
};

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

/**
 * The listing's filters, as the shop's form names them. `extensions.field` may be a path into the
 * filter (`filter.search`): its last part says which.
 */
const BROWSE_FIELDS: Readonly<Record<string, string>> = {
  search: 'Search for 1 to 5 words, each of at most 30 letters or digits.',
  minPrice: 'The lowest price must be an amount of $0.00 or more.',
  maxPrice: 'The highest price must be an amount of $0.00 or more, not below the lowest.',
  category: 'There is no such category. Choose one from the list.',
  after: 'That page of products is no longer available. Start again from the first page.',
};

function browseInput(error: ApiError): string {
  const field = typeof error.extensions.field === 'string' ? error.extensions.field.split('.').pop() : '';
  return BROWSE_FIELDS[field ?? ''] ?? `These filters cannot be applied: ${error.message}.`;
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

/**
 * What a staff form or row was working on: a product (and the stock change asked for), a
 * promotion, an order (shipping it) or a comment (hiding or showing it).
 */
export interface StaffErrorContext {
  subject: 'product' | 'promotion' | 'order' | 'comment';
  /** The units adjustStock was asked to add (negative: remove). */
  delta?: number;
}

/**
 * The sentence staff see next to the form or row whose request failed: the back office's refusals
 * say which input to fix and what to do, then everything else is said as to a shopper.
 */
export function describeStaffError(error: unknown, context: StaffErrorContext): string {
  if (!(error instanceof ApiError)) return GENERIC;
  const { field } = error.extensions;
  switch (error.code) {
    case 'UNAUTHENTICATED':
      if (error.status !== 401) return 'Please sign in with a staff account to use the staff area.';
      break;
    case 'CONFLICT':
      return staffConflict(error);
    case 'NOT_FOUND':
      return STAFF_NOT_FOUND[context.subject];
    case 'BAD_USER_INPUT': {
      // shipOrder refuses only an order the shopper cancelled (a shipped one is returned as is).
      if (context.subject === 'order')
        return 'The shopper cancelled this order meanwhile: it cannot be shipped.';
      const fields = STAFF_FIELDS[context.subject];
      if (field === 'delta') return stockOutOfRange(error, context.delta);
      if (field === 'value' && context.subject === 'promotion') {
        return /percentage/.test(error.message)
          ? 'A percentage is a whole number from 1 to 100.'
          : 'An amount off is at least $0.01.';
      }
      if (field === 'endsAt' && /after/.test(error.message)) return 'The end must come after the start.';
      const sentence = typeof field === 'string' ? fields[field] : undefined;
      if (sentence) return sentence;
      break;
    }
  }
  return describeError(error);
}

const STAFF_NOT_FOUND: Readonly<Record<StaffErrorContext['subject'], string>> = {
  product: 'That product no longer exists. Reload the page.',
  promotion: 'That promotion code no longer exists. Reload the page.',
  order: 'That order no longer exists. Reload the page.',
  comment: 'That comment no longer exists. Reload the page.',
};

const PRODUCT_FIELDS: Readonly<Record<string, string>> = {
  id: 'An id is lower-case letters, digits and single dashes (at most 100 characters), such as lonely-bird.',
  name: 'A name is 1 to 200 characters.',
  code: 'A product code is 1 to 64 characters.',
  price: 'A price is an amount from $0.00 to $21,474,836.47.',
  stock: 'Stock is a whole number of units, 0 or more.',
  expectedStock: 'The stock shown is not a number of units. Reload the page.',
  image: 'An image is an http(s) address or a path starting with /.',
  description: 'A description is at most 5000 characters.',
};

const PROMOTION_FIELDS: Readonly<Record<string, string>> = {
  code: 'A code is 1 to 64 letters, digits, "-" or "_", such as SPRING-10.',
  minimumSubtotal: 'A minimum is an amount of $0.00 or more.',
  usageLimit: 'A usage limit is a whole number, 1 or more.',
  startsAt: 'A start is a date and time with its offset, such as 2026-12-01T00:00:00Z.',
  endsAt: 'An end is a date and time with its offset, such as 2026-12-31T23:59:59Z.',
};

/** The inputs staff type, by what they are about: orders and comments take none but their id. */
const STAFF_FIELDS: Readonly<Record<StaffErrorContext['subject'], Readonly<Record<string, string>>>> = {
  product: PRODUCT_FIELDS,
  promotion: PROMOTION_FIELDS,
  order: {},
  comment: {},
};

/** adjustStock's compare-and-swap lost (`actualStock`), or an id or code already taken. */
function staffConflict(error: ApiError): string {
  const { field, actualStock, id, code, retryable } = error.extensions;
  if (field === 'expectedStock' && Number.isInteger(actualStock)) {
    return `The stock changed to ${String(actualStock)} meanwhile (a sale or another change). Review it and try again.`;
  }
  if (field === 'id') {
    return `A product with ${typeof id === 'string' ? `the id ${id}` : 'that id'} already exists. Choose another id.`;
  }
  if (field === 'code' && retryable === true) {
    return 'This promotion changed meanwhile. Reload the page and try again.';
  }
  if (field === 'code') {
    return `${typeof code === 'string' ? `The code ${code}` : 'That code'} already exists. Choose another code.`;
  }
  return 'Someone else changed this meanwhile. Reload the page and try again.';
}

/** The stock never goes below 0 nor above GraphQL's Int: `actualStock` says where it stands. */
function stockOutOfRange(error: ApiError, delta: number | undefined): string {
  const actual = error.extensions.actualStock;
  if (!Number.isInteger(actual)) return 'Adjust the stock by a whole number other than 0.';
  return delta !== undefined && delta > 0
    ? `The stock is ${String(actual)}: adding ${delta} would go over the maximum.`
    : `Only ${String(actual)} in stock: you cannot remove more than that.`;
}

function listOf(names: readonly string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names);
}
