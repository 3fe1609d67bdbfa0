import type { CartLine, ProductRecord } from '../datasources/models';
import { MAX_ORDER_LINES } from '../datasources/OrderStore';
import type { StoreContext } from '../graphql/context';
import { PromotionStore } from '../datasources/PromotionStore';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';

/** A cart line holds 1..99 units; more is refused, never silently capped. */
export const MAX_LINE_QUANTITY = 99;
/**
 * Every cart must be buyable by one checkout transaction, which holds the order, the cart and one
 * stock update per line. This also bounds the cart item and keeps pricing to one BatchGetItem.
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

export async function requireProduct(ctx: StoreContext, productId: string): Promise<ProductRecord> {
  const product = await ctx.products.getById(productId);
  if (!product) {
    throw clientError(ErrorCode.NotFound, `No product has id "${truncate(productId)}"`, {
      productId: truncate(productId),
    });
  }
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
  ctx: StoreContext,
  code: string | null | undefined,
): Promise<string | undefined> {
  if (code === null || code === undefined) return undefined;
  const promotion = await ctx.promotions.getByCode(code);
  if (!promotion) {
    throw badUserInput(`Unknown promotion code "${truncate(PromotionStore.normalise(code))}"`, {
      field: 'promotionCode',
    });
  }
  return promotion.code;
}

/** Echoing client input in messages is useful, echoing a megabyte of it is not. */
function truncate(text: string, max = 64): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
