import type { CartLine, CartRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import { editCart } from './cartEditor';
import { assertCartLinesInRange, assertLinesInRange } from './pricing';
import {
  assertCartLines,
  assertInStock,
  assertLineQuantity,
  assertRoomForLine,
  MAX_LINE_QUANTITY,
  requireProduct,
  resolvePromotionCode,
} from './cartRules';
import type { Carts, Products, Promotions } from './ports';

/** What the cart operations read and write. */
export interface CartStores {
  carts: Pick<Carts, 'getForUser' | 'getLatest' | 'save'>;
  products: Pick<Products, 'getById' | 'getByIds'>;
  promotions: Pick<Promotions, 'getByCode'>;
}

/**
 * The shopper's cart operations. Each validates everything first and writes once: a refused
 * input throws before the write, so it changes nothing. Writes go through editCart (optimistic
 * concurrency), so concurrent operations on one cart never lose each other's changes.
 */
export async function saveCart(
  stores: CartStores,
  userId: string,
  input: { items: readonly CartLine[]; promotionCode?: string | null },
): Promise<CartRecord> {
  assertCartLines(input.items);
  const ids = input.items.map((item) => item.productId);
  const products = await stores.products.getByIds(ids);
  const lines = input.items.flatMap((item, index) => {
    const product = products[index];
    return product ? [{ product, quantity: item.quantity }] : [];
  });
  if (lines.length < ids.length) {
    const missing = ids.filter((_id, index) => !products[index]);
    throw clientError(ErrorCode.NotFound, 'Some products do not exist', {
      productIds: missing,
    });
  }
  assertInStock(lines);
  assertLinesInRange(lines);
  const promotionCode = await resolvePromotionCode(stores.promotions, input.promotionCode);
  const items = input.items.map(({ productId, quantity }) => ({ productId, quantity }));
  return editCart(stores.carts, userId, () => ({ items, ...(promotionCode ? { promotionCode } : {}) }));
}

export async function addToCart(
  stores: CartStores,
  userId: string,
  productId: string,
  quantity: number,
): Promise<CartRecord> {
  assertLineQuantity(quantity);
  const product = await requireProduct(stores.products, productId);
  return editCart(stores.carts, userId, async (current) => {
    const existing = current.items.find((line) => line.productId === productId)?.quantity ?? 0;
    const total = existing + quantity;
    if (total > MAX_LINE_QUANTITY) {
      throw badUserInput(`The cart already holds ${existing}; a line holds at most ${MAX_LINE_QUANTITY}`, {
        field: 'quantity',
      });
    }
    assertInStock([{ product, quantity: total }]);
    assertRoomForLine(current.items, productId);
    const items = withQuantity(current.items, productId, total);
    await assertCartLinesInRange(stores.products, items);
    return { items, promotionCode: current.promotionCode };
  });
}

/** Sets a line's quantity, adding the line when absent; 0 removes it. */
export async function updateCartItem(
  stores: CartStores,
  userId: string,
  productId: string,
  quantity: number,
): Promise<CartRecord> {
  assertLineQuantity(quantity, { allowZero: true });
  if (quantity > 0) assertInStock([{ product: await requireProduct(stores.products, productId), quantity }]);
  else await requireLineOrProduct(stores, userId, productId);
  return editCart(stores.carts, userId, async (current) => {
    const before = current.items.find((line) => line.productId === productId)?.quantity;
    if (quantity === 0 && before === undefined) return null;
    const items = withQuantity(current.items, productId, quantity);
    if (quantity > 0) assertRoomForLine(current.items, productId);
    // Fewer units can only lower the total: a cart over the limit (repriced since) may shrink.
    if (quantity > (before ?? 0)) await assertCartLinesInRange(stores.products, items);
    return { items, promotionCode: current.promotionCode };
  });
}

/** Removing an absent line is a no-op that returns the cart. */
export async function removeFromCart(
  stores: CartStores,
  userId: string,
  productId: string,
): Promise<CartRecord> {
  await requireLineOrProduct(stores, userId, productId);
  return editCart(stores.carts, userId, (current) =>
    current.items.some((line) => line.productId === productId)
      ? { items: withQuantity(current.items, productId, 0), promotionCode: current.promotionCode }
      : null,
  );
}

/** Applies a code (case-insensitive), or clears it with null; an unknown code is refused. */
export async function applyPromotionCode(
  stores: CartStores,
  userId: string,
  code: string | null | undefined,
): Promise<CartRecord> {
  const promotionCode = await resolvePromotionCode(stores.promotions, code);
  return editCart(stores.carts, userId, (current) => ({
    items: current.items,
    ...(promotionCode ? { promotionCode } : {}),
  }));
}

/** Sets a line's quantity: 0 drops it, an absent line is appended, order is otherwise kept. */
function withQuantity(items: readonly CartLine[], productId: string, quantity: number): CartLine[] {
  if (quantity === 0) return items.filter((line) => line.productId !== productId);
  const index = items.findIndex((line) => line.productId === productId);
  if (index === -1) return [...items, { productId, quantity }];
  return items.map((line) => (line.productId === productId ? { productId, quantity } : line));
}

/**
 * Removing is allowed for a line already in the cart even if its product has since left the
 * catalogue; otherwise an unknown product is NOT_FOUND, as for every operation naming one.
 */
async function requireLineOrProduct(stores: CartStores, userId: string, productId: string): Promise<void> {
  const cart = await stores.carts.getForUser(userId);
  if (!cart.items.some((line) => line.productId === productId)) {
    await requireProduct(stores.products, productId);
  }
}
