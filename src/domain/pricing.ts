import type { CartRecord, ProductRecord } from '../datasources/models';

/** A cart line priced at the current catalogue price. */
export interface PricedLine {
  product: ProductRecord;
  quantity: number;
  lineTotal: number;
}

/** A cart with totals computed from current catalogue prices, never from client input. */
export interface PricedCart {
  items: PricedLine[];
  promotionCode: string | null;
  discountPercentage: number;
  subtotal: number;
  discount: number;
  total: number;
  itemCount: number;
  updatedAt: string | null;
}

/**
 * Integer cents: `discount = subtotal × percentage / 100`, rounded half up to the cent
 * (e.g. 10 % of 2999 = 299.9 → 300; 50 % of 1999 = 999.5 → 1000). Never float arithmetic.
 */
export function discountFor(subtotal: number, percentage: number): number {
  return Math.floor((subtotal * percentage + 50) / 100);
}

/**
 * Prices `cart` against `products` (the catalogue entries of its lines, in line order; null
 * for a product that left the catalogue, whose line is then left out of items and totals).
 */
export function priceCart(
  cart: CartRecord,
  products: ReadonlyArray<ProductRecord | null>,
  discountPercentage: number,
): PricedCart {
  const items: PricedLine[] = [];
  cart.items.forEach((line, index) => {
    const product = products[index];
    if (product) {
      items.push({ product, quantity: line.quantity, lineTotal: product.price * line.quantity });
    }
  });
  const subtotal = items.reduce((sum, line) => sum + line.lineTotal, 0);
  const discount = discountFor(subtotal, discountPercentage);
  return {
    items,
    promotionCode: cart.promotionCode ?? null,
    discountPercentage,
    subtotal,
    discount,
    total: subtotal - discount,
    itemCount: items.reduce((sum, line) => sum + line.quantity, 0),
    updatedAt: cart.updatedAt ?? null,
  };
}
