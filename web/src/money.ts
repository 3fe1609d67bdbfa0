/**
 * The API sends money as integer cents (GraphQL has no decimal type). Dividing by 100 happens
 * only here, for display: Intl rounds to the currency's two decimals, and nothing computed from
 * the result is ever sent back.
 */
const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCents(cents: number): string {
  return currency.format(cents / 100);
}
