import type { CartLine, CartRecord, ProductRecord, PromotionRecord } from '../datasources/models';
import { badUserInput } from '../shared/errors';
import type { Products, Promotions } from './ports';
import { discountOf } from './promotions';

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
  /** Why the cart's promotion code discounts nothing now; null when it discounts, or there is none. */
  promotionNotice: string | null;
  subtotal: number;
  discount: number;
  total: number;
  itemCount: number;
  updatedAt: string | null;
}

/**
 * Prices `cart` against `products` (the catalogue entries of its lines, in line order; null
 * for a product that left the catalogue, whose line is then left out of items and totals).
 */
function priceCart(
  cart: CartRecord,
  products: ReadonlyArray<ProductRecord | null>,
  promotion: PromotionRecord | null,
  now: Date,
): PricedCart {
  const items: PricedLine[] = [];
  cart.items.forEach((line, index) => {
    const product = products[index];
    if (product) {
      items.push({ product, quantity: line.quantity, lineTotal: product.price * line.quantity });
    }
  });
  const subtotal = items.reduce((sum, line) => sum + line.lineTotal, 0);
  const { discount, discountPercentage, notice } = discountOf(promotion, subtotal, now);
  return {
    items,
    promotionCode: cart.promotionCode ?? null,
    discountPercentage,
    promotionNotice: notice,
    subtotal,
    discount,
    total: subtotal - discount,
    itemCount: items.reduce((sum, line) => sum + line.quantity, 0),
    updatedAt: cart.updatedAt ?? null,
  };
}

/**
 * A cart as a response shows it, priced as far as the fields asked for need: the lines, their
 * subtotal and item count need only the products; the discount and total also need the
 * promotion, which is read only when one of them is asked for (the cart badge of every page
 * needs no promotion read). Each part is read at most once.
 */
export interface CartView {
  priced(): Promise<PricedLines>;
  withPromotion(): Promise<PricedCart>;
}

export type PricedLines = Pick<
  PricedCart,
  'items' | 'promotionCode' | 'subtotal' | 'itemCount' | 'updatedAt'
>;

export function viewCart(
  readProducts: ProductReader,
  promotions: Pick<Promotions, 'getByCode'>,
  cart: CartRecord,
  now = new Date(),
): CartView {
  const once = <T>(read: () => Promise<T>) => {
    let result: Promise<T> | undefined;
    return () => (result ??= read());
  };
  const products = once(() => readProducts(cart.items.map((line) => line.productId)));
  const withPromotion = once(async () => {
    const [found, promotion] = await Promise.all([
      products(),
      cart.promotionCode ? promotions.getByCode(cart.promotionCode) : null,
    ]);
    return priceCart(cart, found, promotion, now);
  });
  // Without a promotion the lines' pricing is the whole pricing.
  const priced = once(async () => priceCart(cart, await products(), null, now));
  return { priced, withPromotion };
}

/** Reads the catalogue entries of the given ids, in order (null for an id that names nothing). */
export type ProductReader = (ids: readonly string[]) => Promise<Array<ProductRecord | null>>;

/**
 * The one way a cart is priced from the catalogue: its products (one BatchGetItem) in parallel
 * with its promotion. `readProducts` decides the consistency: the request's product loader for a
 * page (shared with any product list in the same response), strongly consistent reads for
 * checkout, which decides on what it reads. A code whose promotion has gone prices at 0 %.
 */
export async function loadPricedCart(
  readProducts: ProductReader,
  promotions: Pick<Promotions, 'getByCode'>,
  cart: CartRecord,
  now = new Date(),
): Promise<{ priced: PricedCart; promotion: PromotionRecord | null }> {
  const [products, promotion] = await Promise.all([
    readProducts(cart.items.map((line) => line.productId)),
    cart.promotionCode ? promotions.getByCode(cart.promotionCode) : null,
  ]);
  return { priced: priceCart(cart, products, promotion, now), promotion };
}

/**
 * The largest amount the API can answer: GraphQL's Int. A cart or an order beyond it could be
 * stored but never shown (every page listing it would fail), so it is refused before it is
 * written. The subtotal bounds every other amount: a line total, the discount and the total.
 */
export const MAX_AMOUNT = 2_147_483_647;

export function assertAmountInRange(subtotal: number): void {
  if (subtotal > MAX_AMOUNT) {
    throw badUserInput(`The cart would cost more than ${MAX_AMOUNT} cents, the largest amount there can be`, {
      field: 'cart',
    });
  }
}

/** The lines' subtotal at their products' current prices is in range. */
export function assertLinesInRange(lines: ReadonlyArray<{ product: ProductRecord; quantity: number }>): void {
  assertAmountInRange(lines.reduce((sum, { product, quantity }) => sum + product.price * quantity, 0));
}

/**
 * For a cart edit about to be written: the same, for lines known by product id. Reads through the
 * request's product loader, which the response's pricing then reuses (no extra DynamoDB call).
 * A product that left the catalogue counts for nothing, as it does in the cart's totals.
 */
export async function assertCartLinesInRange(
  products: Pick<Products, 'getByIds'>,
  items: readonly CartLine[],
): Promise<void> {
  const found = await products.getByIds(items.map((line) => line.productId));
  assertLinesInRange(
    items.flatMap((line, index) => {
      const product = found[index];
      return product ? [{ product, quantity: line.quantity }] : [];
    }),
  );
}
