/**
 * The API sends money as integer cents (GraphQL has no decimal type). Dividing by 100 happens
 * only here, for display: Intl rounds to the currency's two decimals, and nothing computed from
 * the result is ever sent back. Staff type amounts as they read them ("$1,234.50", "29.99", "30"):
 * `parseCents` reads the digits as written, without floating point, so 19.99 is 1999 cents exactly.
 */
const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCents(cents: number): string {
  return currency.format(cents / 100);
}

/** The largest amount the API takes (GraphQL's Int): $21,474,836.47. */
const MAX_CENTS = 2_147_483_647;
const AMOUNT = /^\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Cents of an amount typed in dollars, or null when it is not one (negative, 3 decimals, words). */
export function parseCents(text: string): number | null {
  const match = AMOUNT.exec(text.trim().replace(/\s+/g, ''));
  if (!match) return null;
  const [, dollars = '', fraction = ''] = match;
  const cents = Number(dollars.replace(/,/g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}

/** An amount as a shopper types it back, without symbol or separators: 2000 → "20", 1250 → "12.50". */
export function plainDollars(cents: number): string {
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(dollars) : `${dollars}.${String(rest).padStart(2, '0')}`;
}
