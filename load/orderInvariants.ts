import type { DatabaseState } from './database';

/**
 * The checks of an order's life after checkout, on the tables: what a cancellation gives back
 * (stock, the promotion's use) and what each status says of its timestamps. Pure functions of the
 * snapshots taken before and after a scenario, used by invariants.ts and the report.
 */

type Order = DatabaseState['orders'][number];

/** An order that holds its stock and its promotion's use: placed or shipped, never cancelled. */
export function isLive(order: Pick<Order, 'status'>): boolean {
  return order.status === 'PLACED' || order.status === 'SHIPPED';
}

export function orderKey({ userId, id }: { userId: string; id: string }): string {
  return `${userId}/${id}`;
}

/** The orders of `after` that `before` did not hold: those the scenario placed. */
export function newOrders(before: DatabaseState, after: DatabaseState): Order[] {
  const previous = new Set(before.orders.map(orderKey));
  return after.orders.filter((order) => !previous.has(orderKey(order)));
}

/** What the scenario did to orders, as the tables tell it (the report's figures). */
export interface OrderFigures {
  /** Orders the scenario placed, whatever their status now. */
  placed: number;
  /** Of those, how many are cancelled, and how many shipped, at the end. */
  cancelled: number;
  shipped: number;
  /** Units in the orders placed, and in those of them still live (not cancelled). */
  units: number;
  liveUnits: number;
}

export function orderFigures(before: DatabaseState, after: DatabaseState): OrderFigures {
  const placed = newOrders(before, after);
  const units = (orders: Order[]) => sum(orders.flatMap((o) => o.items.map((line) => line.quantity)));
  return {
    placed: placed.length,
    cancelled: placed.filter((o) => o.status === 'CANCELLED').length,
    shipped: placed.filter((o) => o.status === 'SHIPPED').length,
    units: units(placed),
    liveUnits: units(placed.filter(isLive)),
  };
}

/**
 * Per product: initial stock − units newly held by live orders + restocked = final stock. "Newly
 * held" is the units of live orders after minus those before, so an order placed and cancelled
 * during the scenario counts for nothing (its units came back), and so would an earlier order
 * cancelled meanwhile (which `ordersKept` reports on its own).
 */
export function stockLedger(
  before: DatabaseState,
  after: DatabaseState,
  restocked: ReadonlyMap<string, number>,
): string[] {
  const held = liveUnitsByProduct(after);
  for (const [id, units] of liveUnitsByProduct(before)) held.set(id, (held.get(id) ?? 0) - units);
  const initial = new Map(before.products.map((p) => [p.id, p.stock]));
  const final = new Map(after.products.map((p) => [p.id, p.stock]));
  const violations: string[] = [];
  for (const id of new Set([...initial.keys(), ...final.keys(), ...held.keys()])) {
    const start = initial.get(id);
    const end = final.get(id);
    if (start === undefined || end === undefined) {
      violations.push(`${id}: ${start === undefined ? 'appeared during' : 'vanished during'} the scenario`);
      continue;
    }
    const sold = held.get(id) ?? 0;
    const added = restocked.get(id) ?? 0;
    if (start + added - end !== sold) {
      violations.push(
        `${id}: units in live orders ${signed(sold)}, but stock went ${start} → ${end}` +
          (added ? ` (+${added})` : ''),
      );
    }
  }
  return violations;
}

/**
 * Per promotion: the change of `timesUsed` equals the change in the number of live orders naming
 * the code (checkout counts a use in the order's transaction, a cancellation gives it back in its
 * own), and a limited code is never used past its limit. Codes compared in upper case, as stored.
 */
export function promotionLedger(before: DatabaseState, after: DatabaseState): string[] {
  const liveNow = liveOrdersByCode(after);
  const liveThen = liveOrdersByCode(before);
  const initial = new Map(before.promotions.map((p) => [p.code, p]));
  const final = new Map(after.promotions.map((p) => [p.code, p]));
  const violations: string[] = [];
  for (const code of new Set([...initial.keys(), ...final.keys(), ...liveNow.keys()])) {
    const start = initial.get(code);
    const end = final.get(code);
    if (start === undefined || end === undefined) {
      violations.push(`${code}: ${start === undefined ? 'appeared during' : 'vanished during'} the scenario`);
      continue;
    }
    const used = (end.timesUsed ?? 0) - (start.timesUsed ?? 0);
    const live = (liveNow.get(code) ?? 0) - (liveThen.get(code) ?? 0);
    if (used !== live) {
      violations.push(
        `${code}: timesUsed went ${start.timesUsed} → ${end.timesUsed}, but live orders with it ${signed(live)}`,
      );
    }
    if (end.usageLimit !== undefined && end.timesUsed > end.usageLimit) {
      violations.push(`${code}: used ${end.timesUsed} times, limit ${end.usageLimit}`);
    }
  }
  return violations;
}

/**
 * Every order PLACED (neither timestamp), CANCELLED (cancelledAt, no shippedAt) or SHIPPED
 * (shippedAt, no cancelledAt): never both, and neither before the order was created.
 */
export function orderLifecycle({ orders }: DatabaseState): string[] {
  const violations: string[] = [];
  for (const order of orders) {
    const where = `order ${orderKey(order)} (${String(order.status)})`;
    const stamps = { cancelledAt: order.cancelledAt, shippedAt: order.shippedAt };
    const wanted = STAMPS_OF[order.status];
    if (wanted === undefined) violations.push(`${where}: not a status`);
    else if (stamps.cancelledAt !== undefined && stamps.shippedAt !== undefined) {
      violations.push(`${where}: both cancelled and shipped`);
    } else {
      for (const [field, value] of Object.entries(stamps)) {
        const expected = wanted.includes(field);
        if (expected && value === undefined) violations.push(`${where}: no ${field}`);
        if (!expected && value !== undefined) violations.push(`${where}: has ${field}`);
      }
    }
    for (const [field, value] of Object.entries(stamps)) {
      if (value !== undefined && value < order.createdAt) {
        violations.push(`${where}: ${field} ${value} before createdAt ${order.createdAt}`);
      }
    }
  }
  return violations;
}

/**
 * Every cancellation and shipment answered the order as the table holds it — its status and that
 * status's time (`CANCELLED at <cancelledAt>`, `SHIPPED at <shippedAt>`) — so no order was answered
 * two (a race has one winner, whose write the loser and any repeat must read back).
 */
export function answeredStatuses(
  { orders }: DatabaseState,
  answered: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const stored = new Map(orders.map((order) => [orderKey(order), lifecycleState(order)]));
  const violations: string[] = [];
  for (const [key, states] of answered) {
    const now = stored.get(key);
    const said = [...states].join(' and ');
    if (states.size > 1) violations.push(`order ${key} answered ${said}`);
    else if (!states.has(now ?? ''))
      violations.push(`order ${key} answered ${said}, stored ${now ?? 'nowhere'}`);
  }
  return violations;
}

/** An order's status and the time it took it, as cancellations and shipments are recorded. */
export function lifecycleState(order: {
  status: string;
  cancelledAt?: string | null;
  shippedAt?: string | null;
}): string {
  const at = order.status === 'CANCELLED' ? order.cancelledAt : order.shippedAt;
  return at ? `${order.status} at ${at}` : order.status;
}

/** The timestamps each status carries; an order's other timestamps must be absent. */
const STAMPS_OF: Partial<Record<string, readonly string[]>> = {
  PLACED: [],
  CANCELLED: ['cancelledAt'],
  SHIPPED: ['shippedAt'],
};

function liveUnitsByProduct({ orders }: DatabaseState): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of orders.filter(isLive).flatMap((order) => order.items)) {
    units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  }
  return units;
}

function liveOrdersByCode({ orders }: DatabaseState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { promotionCode } of orders.filter(isLive)) {
    if (promotionCode !== undefined) counts.set(promotionCode, (counts.get(promotionCode) ?? 0) + 1);
  }
  return counts;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
