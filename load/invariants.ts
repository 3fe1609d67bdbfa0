import type { DatabaseState } from './database';
import { answeredStatuses, orderKey, orderLifecycle, promotionLedger, stockLedger } from './orderInvariants';

/**
 * What must hold after any amount of concurrent shopping, checked on the tables before and after
 * a scenario — never on the API's answers, which could agree with a wrong database. Pure
 * functions of the two snapshots, so a unit test can prove each check able to fail.
 */

export interface InvariantResult {
  name: string;
  ok: boolean;
  violationCount: number;
  /** The first few violations, readable on their own. */
  examples: string[];
}

export interface InvariantInput {
  before: DatabaseState;
  after: DatabaseState;
  /** Units the tool itself added to stock during the scenario (a restock), per product. */
  restocked?: ReadonlyMap<string, number>;
  /** `<userId>/<orderId>` of every order a checkout answered with. */
  acknowledgedOrders?: ReadonlySet<string>;
  /** `<userId>/<orderId>` → what cancellations and shipments answered (`SHIPPED at <time>`). */
  answered?: ReadonlyMap<string, ReadonlySet<string>>;
}

export const INVARIANTS = {
  stockNotNegative: 'no product stock below zero',
  stockLedger:
    'initial stock − units newly in live (placed or shipped) orders (+ restocked) = final stock, per product',
  orderTotals: "every order's totals consistent with its lines",
  cartLines: 'no cart line for a missing product (and every line 1..99 units, once)',
  ordersKept: 'every acknowledged order stored; no order lost or changed',
  commentAggregates:
    "every product's comment count matches its comments, its rating sum and count its users' ratings",
  promotionLedger:
    "per promotion, timesUsed's change = the change in live orders with its code (and never past its limit)",
  orderLifecycle:
    'every order PLACED, CANCELLED (cancelledAt, no shippedAt) or SHIPPED (shippedAt, no cancelledAt)',
  answeredStatuses: 'every cancellation and shipment answered is the stored status; no order answered both',
} as const;

const MAX_EXAMPLES = 5;
const MAX_LINE_QUANTITY = 99;

export function checkInvariants({
  before,
  after,
  restocked = new Map(),
  acknowledgedOrders = new Set(),
  answered = new Map(),
}: InvariantInput): InvariantResult[] {
  return [
    result(
      INVARIANTS.stockNotNegative,
      after.products.filter((p) => !(p.stock >= 0)).map((p) => `${p.id}: stock ${p.stock}`),
    ),
    result(INVARIANTS.stockLedger, stockLedger(before, after, restocked)),
    result(
      INVARIANTS.orderTotals,
      after.orders.flatMap((order) => orderTotals(order, after)),
    ),
    result(INVARIANTS.cartLines, cartLines(after)),
    result(INVARIANTS.ordersKept, ordersKept(before, after, acknowledgedOrders)),
    result(INVARIANTS.commentAggregates, commentAggregates(after)),
    result(INVARIANTS.promotionLedger, promotionLedger(before, after)),
    result(INVARIANTS.orderLifecycle, orderLifecycle(after)),
    result(INVARIANTS.answeredStatuses, answeredStatuses(after, answered)),
  ];
}

/**
 * Recomputed here rather than with the API's own pricing code, so a shared mistake cannot pass:
 * a percentage code takes subtotal × value / 100 rounded half up to the cent, a fixed amount takes
 * its value but never more than the subtotal (docs/api.md). Prices never
 * change during a load test, so a line's price must also be the catalogue's.
 */
function orderTotals(order: DatabaseState['orders'][number], after: DatabaseState): string[] {
  const where = `order ${order.userId}/${order.id}`;
  const problems: string[] = [];
  const prices = new Map(after.products.map((p) => [p.id, p.price]));
  if (order.items.length === 0) problems.push('has no lines');
  for (const line of order.items) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      problems.push(`${line.productId}: quantity ${line.quantity}`);
    }
    if (line.lineTotal !== line.price * line.quantity) {
      problems.push(`${line.productId}: lineTotal ${line.lineTotal} ≠ ${line.price} × ${line.quantity}`);
    }
    const price = prices.get(line.productId);
    if (price !== line.price) problems.push(`${line.productId}: price ${line.price}, catalogue ${price}`);
  }
  const subtotal = order.items.reduce((sum, line) => sum + line.lineTotal, 0);
  const units = order.items.reduce((sum, line) => sum + line.quantity, 0);
  const promotion = after.promotions.find((p) => p.code === order.promotionCode);
  const percentage =
    order.promotionCode === undefined || promotion?.kind !== 'PERCENTAGE' ? 0 : promotion.value;
  const discount =
    promotion?.kind === 'FIXED_AMOUNT' && order.promotionCode !== undefined
      ? Math.min(promotion.value, subtotal)
      : Math.floor((subtotal * order.discountPercentage + 50) / 100);
  if (order.subtotal !== subtotal) problems.push(`subtotal ${order.subtotal} ≠ Σ lines ${subtotal}`);
  if (order.itemCount !== units) problems.push(`itemCount ${order.itemCount} ≠ Σ quantities ${units}`);
  if (order.discountPercentage !== percentage) {
    problems.push(`discount ${order.discountPercentage} % for code ${order.promotionCode ?? 'none'}`);
  }
  if (order.discount !== discount) problems.push(`discount ${order.discount} ≠ ${discount}`);
  if (order.total !== order.subtotal - order.discount) {
    problems.push(`total ${order.total} ≠ ${order.subtotal} − ${order.discount}`);
  }
  return problems.map((problem) => `${where}: ${problem}`);
}

function cartLines({ carts, products }: DatabaseState): string[] {
  const catalogue = new Set(products.map((p) => p.id));
  const violations: string[] = [];
  for (const cart of carts) {
    const seen = new Set<string>();
    for (const { productId, quantity } of cart.items) {
      const where = `cart ${cart.userId}: ${productId}`;
      if (!catalogue.has(productId)) violations.push(`${where} is not in the catalogue`);
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
        violations.push(`${where} has quantity ${quantity}`);
      }
      if (seen.has(productId)) violations.push(`${where} appears twice`);
      seen.add(productId);
    }
  }
  return violations;
}

function ordersKept(
  before: DatabaseState,
  after: DatabaseState,
  acknowledged: ReadonlySet<string>,
): string[] {
  const stored = new Map(after.orders.map((order) => [orderKey(order), JSON.stringify(order)]));
  const violations: string[] = [];
  for (const key of acknowledged) {
    if (!stored.has(key)) violations.push(`order ${key} was acknowledged but is not stored`);
  }
  for (const order of before.orders) {
    const now = stored.get(orderKey(order));
    if (now === undefined) violations.push(`order ${orderKey(order)} disappeared`);
    else if (now !== JSON.stringify(order)) violations.push(`order ${orderKey(order)} changed`);
  }
  return violations;
}

/**
 * A product's `commentCount` counts its comments; `ratingSum` and `ratingCount` sum and count its
 * users' current ratings (one per user: a later rating replaces an earlier one), and each of those
 * is the rating its comment gave.
 */
function commentAggregates({ products, comments, ratings }: DatabaseState): string[] {
  const counted = new Map<string, { count: number; ratingSum: number; ratingCount: number }>();
  const entryOf = (productId: string) => {
    const entry = counted.get(productId) ?? { count: 0, ratingSum: 0, ratingCount: 0 };
    counted.set(productId, entry);
    return entry;
  };
  for (const { productId } of comments) entryOf(productId).count += 1;
  for (const { productId, rating } of ratings) {
    const entry = entryOf(productId);
    entry.ratingSum += rating;
    entry.ratingCount += 1;
  }
  const violations: string[] = [];
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  for (const { productId, userId, rating, commentId } of ratings) {
    const source = byId.get(commentId);
    if (source?.productId !== productId || source.authorId !== userId || source.rating !== rating) {
      violations.push(`${userId}'s rating ${rating} of ${productId} is not what comment ${commentId} gave`);
    }
  }
  for (const product of products) {
    const actual = counted.get(product.id) ?? { count: 0, ratingSum: 0, ratingCount: 0 };
    counted.delete(product.id);
    const stored = `${product.commentCount}/${product.ratingSum}/${product.ratingCount}`;
    const real = `${actual.count}/${actual.ratingSum}/${actual.ratingCount}`;
    if (stored !== real)
      violations.push(`${product.id}: count/ratingSum/ratingCount ${stored}, tables say ${real}`);
  }
  for (const [productId, { count }] of counted) {
    violations.push(`${count} comments on ${productId}, which is not in the catalogue`);
  }
  return violations;
}

function result(name: string, violations: string[]): InvariantResult {
  return {
    name,
    ok: violations.length === 0,
    violationCount: violations.length,
    examples: violations.slice(0, MAX_EXAMPLES),
  };
}
