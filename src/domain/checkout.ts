import type { CartRecord, OrderRecord, PromotionRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import { retry, RETRY, type RetryClock } from '../shared/retry';
import { assertInStock, MAX_ORDER_LINES } from './cartRules';
import { assertIdempotencyKey, cartFingerprint, orderIdFor } from './idempotency';
import type { Carts, Orders, Products, Promotions } from './ports';
import { assertAmountInRange, loadPricedCart } from './pricing';
import { applicability } from './promotions';

/**
 * A cart rewritten under one checkout this many times is being edited right now: the shopper
 * gets CONFLICT and checks out what they finally chose.
 */
const MAX_CART_CHANGES = 5;

/**
 * Stock contention is retried for this long, not a fixed number of times: each round of
 * competing transactions has a winner, so a loser's next read either finds the stock it needs or
 * proves it gone (OUT_OF_STOCK) — never CONFLICT. The budget only bounds pathological overload
 * (then a retryable CONFLICT) and stays well inside the Lambda timeout (10 s).
 */
const CONTENTION_BUDGET_MS = 6000;

/** What checkout reads and writes. */
export interface CheckoutStores {
  orders: Pick<Orders, 'getById' | 'place'>;
  carts: Pick<Carts, 'getLatest' | 'markChanged'>;
  products: Pick<Products, 'getLatestByIds' | 'markChanged'>;
  promotions: Pick<Promotions, 'getLatestByCode'>;
}

export interface CheckoutOptions {
  now?: () => Date;
  contentionBudgetMs?: number;
  /** The retry loop's sleep and clock (tests replace them). */
  clock?: RetryClock;
}

/**
 * Buys the caller's cart. Each attempt reads everything afresh (the order by its deterministic
 * id, the cart, current prices and stock, the promotion), decides, and hands one transaction to
 * the store; the transaction's conditions — not the reads — are what guarantee no overselling and
 * no lost cart update. A failed attempt wrote nothing, so retrying is always safe:
 *  - order id exists → the key was used: the same order back, or CONFLICT for a different cart;
 *  - cart version moved → re-read and price the new content (bounded: CONFLICT);
 *  - stock or price moved, or transactions collided → re-read after a jittered backoff; the read
 *    then answers OUT_OF_STOCK only if the stock really is short.
 */
export async function checkout(
  stores: CheckoutStores,
  userId: string,
  idempotencyKey: string,
  { now = () => new Date(), contentionBudgetMs = CONTENTION_BUDGET_MS, clock }: CheckoutOptions = {},
): Promise<OrderRecord> {
  assertIdempotencyKey(idempotencyKey);
  const orderId = orderIdFor(userId, idempotencyKey);
  let cartChanges = 0;
  return retry(
    async () => {
      const [existing, cart] = await Promise.all([
        stores.orders.getById(userId, orderId),
        stores.carts.getLatest(userId),
      ]);
      if (existing) return replay(existing, cart);
      if (cart.items.length === 0) {
        // The two reads are not one snapshot: a twin with this key may have committed between
        // them, leaving the order unseen and the cart already emptied. The order and the emptying
        // commit together, so once the cart reads empty, a second look finds the order if any.
        const late = await stores.orders.getById(userId, orderId);
        if (late) return late;
        throw badUserInput('The cart is empty', { field: 'cart' });
      }

      const { order, promotion } = await draftOrder(stores, cart, orderId, now());
      const result = await stores.orders.place({
        order,
        cartVersion: cart.version,
        ...(promotion ? { promotion } : {}),
      });
      switch (result.outcome) {
        case 'placed':
          // The rest of the request (a later mutation of the same document) reads what it changed.
          for (const line of order.items) stores.products.markChanged(line.productId);
          stores.carts.markChanged(userId);
          return order;
        case 'orderExists': {
          // A concurrent checkout with the same key committed between our lookup and our write.
          const winner = await stores.orders.getById(userId, orderId);
          // Orders are never deleted, and a failed attribute_not_exists means it was there.
          if (!winner) throw new Error(`Order ${orderId} reported existing but cannot be read`);
          return replay(winner, cart);
        }
        case 'cartChanged':
          cartChanges += 1;
          if (cartChanges >= MAX_CART_CHANGES) {
            throw clientError(ErrorCode.Conflict, 'The cart kept changing during checkout; try again');
          }
          return RETRY;
        case 'productsChanged':
        case 'promotionChanged':
        case 'contention':
          // Read again: stock short, or the promotion inactive or used up, is then refused.
          return RETRY;
        default:
          return unreachable(result);
      }
    },
    { budgetMs: contentionBudgetMs, baseMs: 10, capMs: 250, exhausted: contentionExhausted },
    clock,
  );
}

/**
 * The order this key already made. It is returned when the cart is what the order was made from
 * or the empty cart that checkout left behind (a retry after success); any other content means
 * the client reused the key for a different purchase, which must not silently return an order
 * for the wrong goods. The CONFLICT names the existing order (the caller's own), so a client whose
 * first response was lost can still find what it bought.
 */
function replay(order: OrderRecord, cart: CartRecord): OrderRecord {
  if (cart.items.length === 0 || cartFingerprint(cart) === order.cartFingerprint) return order;
  throw clientError(
    ErrorCode.Conflict,
    'This idempotency key was already used to check out a different cart; use a new key',
    { field: 'idempotencyKey', orderId: order.id },
  );
}

/**
 * Prices the cart from a consistent read of the catalogue (never from client input) and checks
 * the stock up front, so a cart that is visibly short fails fast with nothing written. Lines whose
 * product left the catalogue are not bought: the cart already leaves them out of its items and
 * totals, and the order must be what the shopper was shown. Prices are re-checked by the
 * transaction. A promotion code that no longer applies (inactive, expired, used up) is refused,
 * never charged at another price than the cart showed; one whose minimum the cart misses gives no
 * discount, as the cart said, and is not recorded on the order. A use of a code that discounts is
 * counted by the transaction, on the condition that the code still has uses left.
 */
async function draftOrder(
  stores: Pick<CheckoutStores, 'products' | 'promotions'>,
  cart: CartRecord,
  orderId: string,
  now: Date,
): Promise<{ order: OrderRecord; promotion: PromotionRecord | null }> {
  if (cart.items.length > MAX_ORDER_LINES) {
    throw badUserInput(`A checkout buys at most ${MAX_ORDER_LINES} different products`, { field: 'cart' });
  }
  const { priced, promotion } = await loadPricedCart(
    (ids) => stores.products.getLatestByIds(ids),
    // Read afresh on every attempt: a use counted by another checkout may have used the code up.
    { getByCode: (code) => stores.promotions.getLatestByCode(code) },
    cart,
    now,
  );
  if (priced.items.length === 0) {
    throw badUserInput('None of the products in the cart are sold any more', { field: 'cart' });
  }
  assertInStock(priced.items);
  // Prices may have risen since the cart was last edited.
  assertAmountInRange(priced.subtotal);
  if (cart.promotionCode) {
    const verdict = promotion ? applicability(promotion, now) : null;
    if (!verdict?.applicable) {
      throw badUserInput(
        `${verdict?.message ?? `The code ${cart.promotionCode} no longer exists`}: remove it from the cart or use another`,
        { field: 'promotionCode' },
      );
    }
  }
  const discounted = promotion !== null && priced.discount > 0;
  const order: OrderRecord = {
    userId: cart.userId,
    id: orderId,
    items: priced.items.map(({ product, quantity, lineTotal }) => ({
      productId: product.id,
      name: product.name,
      price: product.price,
      quantity,
      lineTotal,
    })),
    // The transaction counts the use of the code that discounts (OrderStore.place).
    ...(discounted ? { promotionCode: promotion.code, promotionUseCounted: true } : {}),
    discountPercentage: priced.discountPercentage,
    subtotal: priced.subtotal,
    discount: priced.discount,
    total: priced.total,
    itemCount: priced.itemCount,
    status: 'PLACED',
    createdAt: now.toISOString(),
    cartFingerprint: cartFingerprint(cart),
  };
  return { order, promotion: discounted ? promotion : null };
}

function unreachable(value: never): never {
  throw new Error(`Unexpected placement outcome ${JSON.stringify(value)}`);
}

/**
 * The budget ran out while every attempt lost to other transactions: the store is overloaded, and
 * whether stock remains for this buyer is unknown. CONFLICT (retryable) tells the client exactly
 * what to do — send the same key again, which is always safe — where a masked internal error
 * would not; under any load short of that, contention ends in an order or OUT_OF_STOCK.
 */
function contentionExhausted() {
  return clientError(
    ErrorCode.Conflict,
    'The store is too busy to complete this checkout now; retry with the same idempotency key',
    { field: 'idempotencyKey', retryable: true },
  );
}
