import type { CartLine, ProductRecord } from '../datasources/models';
import { normalisePromotionCode } from '../datasources/keys';
import { TRANSACT_WRITE_LIMIT } from '../datasources/transactions';
import { badUserInput, clientError, ErrorCode, ProductNotFoundError, truncate } from '../shared/errors';
import type { Products, Promotions } from './ports';
import { applicability } from './promotions';

/** A cart line holds 1..99 units; more is refused, never silently capped. */
export const MAX_LINE_QUANTITY = 99;
/**
 * An order is placed by one transaction holding one stock update per line, the order, the cart
 * and its promotion's use, so it has at most 97 lines.
 */
export const MAX_ORDER_LINES = TRANSACT_WRITE_LIMIT - 3;
/**
 * Every cart must be buyable by one checkout. This also bounds the cart item and keeps pricing to
 * one BatchGetItem.
 */
export const MAX_CART_LINES = MAX_ORDER_LINES;

/** Refuses a new line once the cart is full; changing a line already in it is always allowed. */
export function assertRoomForLine(items: readonly CartLine[], productId: string): void {
  if (items.length >= MAX_CART_LINES && !items.some((line) => line.productId === productId)) {
    throw badUserInput(`A cart holds at most ${MAX_CART_LINES} different products`, { field: 'productId' });
  }
}

export function assertLineQuantity(quantity: number, { allowZero = false } = {}): void {
  const min = allowZero ? 0 : 1;
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw badUserInput(`quantity must be between ${min} and ${MAX_LINE_QUANTITY}`, {
      field: 'quantity',
    });
  }
}

/** The lines of a whole new cart: at most MAX_CART_LINES, each product once, valid quantities. */
export function assertCartLines(items: readonly CartLine[]): void {
  if (items.length > MAX_CART_LINES) {
    throw badUserInput(`A cart holds at most ${MAX_CART_LINES} lines`, { field: 'items' });
  }
  const ids = items.map((item) => item.productId);
  if (new Set(ids).size !== ids.length) {
    throw badUserInput('Each product may appear only once in items', { field: 'items' });
  }
  for (const item of items) assertLineQuantity(item.quantity);
}

export async function requireProduct(
  products: Pick<Products, 'getById'>,
  productId: string,
): Promise<ProductRecord> {
  const product = await products.getById(productId);
  if (!product) throw new ProductNotFoundError(productId);
  return product;
}

/** The cart reserves nothing; this only stops a shopper asking for more than exists now. */
export function assertInStock(products: ReadonlyArray<{ product: ProductRecord; quantity: number }>): void {
  const short = products.filter(({ product, quantity }) => quantity > product.stock);
  if (short.length > 0) {
    throw clientError(
      ErrorCode.OutOfStock,
      `Not enough stock for ${short.map(({ product }) => product.name).join(', ')}`,
      { productIds: short.map(({ product }) => product.id) },
    );
  }
}

/** Returns the stored (upper case) code, or undefined for null; unknown codes are refused. */
export async function resolvePromotionCode(
  promotions: Pick<Promotions, 'getByCode'>,
  code: string | null | undefined,
  now = new Date(),
): Promise<string | undefined> {
  if (code === null || code === undefined) return undefined;
  const promotion = await promotions.getByCode(code);
  if (!promotion) {
    throw badUserInput(`Unknown promotion code "${truncate(normalisePromotionCode(code))}"`, {
      field: 'promotionCode',
    });
  }
  // A code whose minimum the cart does not reach yet is kept: the cart says why it discounts nothing.
  const verdict = applicability(promotion, now);
  if (!verdict.applicable)
    throw badUserInput(verdict.message, { field: 'promotionCode', reason: verdict.reason });
  return promotion.code;
}
