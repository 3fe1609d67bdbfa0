import { checkInvariants, INVARIANTS } from '../../../load/invariants';
import { orderFigures, orderLifecycle } from '../../../load/orderInvariants';
import { broken, order, product, PROMOTIONS, state } from './loadFixtures';

/**
 * The load test's checks of an order's life after checkout (load/orderInvariants.ts): a
 * cancellation gives its units and its promotion's use back exactly once, and each status carries
 * its own timestamp and no other. Each check is proved able to fail on hand-made tables.
 */

/** When every fixture order was placed (loadFixtures.ts). */
const PLACED_AT = '2026-11-21T10:00:00.000Z';
const LATER = '2026-11-21T10:05:00.000Z';
const cancelled = { status: 'CANCELLED', cancelledAt: LATER } as const;
const shipped = { status: 'SHIPPED', shippedAt: LATER } as const;

describe('the load test order lifecycle checks', () => {
  test('pass a run where orders were placed, cancelled and shipped: only live orders hold stock and uses', () => {
    // Prepare: 3 + 2 + 1 mugs ordered, the 2 given back by the cancellation.
    const before = state();
    const after = state({
      products: [product('mug', 6), product('lamp', 5)],
      orders: [order('o1', 'mug', 3), order('o2', 'mug', 2, cancelled), order('o3', 'mug', 1, shipped)],
    });

    // Act
    const results = checkInvariants({ before, after, acknowledgedOrders: new Set(['alice/o1', 'alice/o2']) });

    // Assess
    expect(broken(results)).toEqual({});
    expect(after.promotions.find((p) => p.code === 'WELCOME10')?.timesUsed).toBe(2);
  });

  test('report a cancellation whose units never came back, and units that came back twice', () => {
    // Prepare: the mug order's 2 units stayed taken; the lamp order's 1 unit came back twice.
    const before = state();
    const after = state({
      products: [product('mug', 8), product('lamp', 6)],
      orders: [order('o1', 'mug', 2, cancelled), order('o2', 'lamp', 1, cancelled)],
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.stockLedger]).toEqual([
      'mug: units in live orders 0, but stock went 10 → 8',
      'lamp: units in live orders 0, but stock went 5 → 6',
    ]);
  });

  test('report a promotion use not given back by a cancellation, and one never counted', () => {
    // Prepare: WELCOME10's cancelled order still counts; FIVEOFF's live order was never counted.
    const fiveOff = { promotionCode: 'FIVEOFF', discountPercentage: 0, discount: 500, total: 3500 };
    const before = state();
    const after = state({
      products: [product('mug', 6), product('lamp', 5)],
      orders: [order('o1', 'mug', 2, cancelled), order('o2', 'mug', 4, fiveOff)],
      promotions: PROMOTIONS.map((p) => ({ ...p, timesUsed: p.code === 'WELCOME10' ? 1 : 0 })),
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.promotionLedger]).toEqual([
      'WELCOME10: timesUsed went 0 → 1, but live orders with it 0',
      'FIVEOFF: timesUsed went 0 → 0, but live orders with it +1',
    ]);
  });

  test('compare changes of timesUsed, so uses counted before the scenario need no orders', () => {
    // Prepare: the code was used 7 times before (by orders the snapshot does not hold); one more now.
    const baseline = PROMOTIONS.map((p) => ({ ...p, timesUsed: 7 }));
    const before = state({ promotions: baseline });
    const after = state({
      products: [product('mug', 9), product('lamp', 5)],
      orders: [order('o1', 'mug', 1)],
      promotions: baseline.map((p) => ({ ...p, timesUsed: p.code === 'WELCOME10' ? 8 : 7 })),
    });

    // Act
    const results = checkInvariants({ before, after });

    // Assess
    expect(broken(results)).toEqual({});
  });

  test('report a limited code used past its limit, and a promotion that vanished', () => {
    // Prepare
    const fiveOff = { promotionCode: 'FIVEOFF', discountPercentage: 0, discount: 500, total: 3500 };
    const limited = PROMOTIONS.map((p) => ({ ...p, usageLimit: 1, timesUsed: 1 }));
    const before = state({ promotions: limited });
    const after = state({
      products: [product('mug', 6), product('lamp', 5)],
      orders: [order('o1', 'mug', 4, fiveOff)],
      promotions: limited.filter((p) => p.code === 'FIVEOFF').map((p) => ({ ...p, timesUsed: 2 })),
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.promotionLedger]).toEqual([
      'WELCOME10: vanished during the scenario',
      'FIVEOFF: used 2 times, limit 1',
    ]);
  });

  test('report a status without its timestamp, with another one, both, none known, or before the order', () => {
    // Prepare
    const after = state({
      products: [product('mug', 10), product('lamp', 5)],
      orders: [
        order('o1', 'mug', 1, { status: 'CANCELLED' }),
        order('o2', 'mug', 1, { status: 'SHIPPED', cancelledAt: LATER }),
        order('o3', 'mug', 1, { status: 'PLACED', shippedAt: LATER }),
        order('o4', 'mug', 1, { ...cancelled, shippedAt: LATER }),
        order('o5', 'mug', 1, { status: 'LOST' as 'PLACED' }),
        order('o6', 'mug', 1, { status: 'SHIPPED', shippedAt: '2026-11-21T09:59:59.999Z' }),
      ],
    });

    // Act
    const violations = orderLifecycle(after);
    const result = checkInvariants({ before: state(), after }).find(
      (r) => r.name === INVARIANTS.orderLifecycle,
    );

    // Assess
    expect(violations).toEqual([
      'order alice/o1 (CANCELLED): no cancelledAt',
      'order alice/o2 (SHIPPED): has cancelledAt',
      'order alice/o2 (SHIPPED): no shippedAt',
      'order alice/o3 (PLACED): has shippedAt',
      'order alice/o4 (CANCELLED): both cancelled and shipped',
      'order alice/o5 (LOST): not a status',
      `order alice/o6 (SHIPPED): shippedAt 2026-11-21T09:59:59.999Z before createdAt ${PLACED_AT}`,
    ]);
    expect(result).toMatchObject({ ok: false, violationCount: 7 });
  });

  test('report a cancellation or shipment answered otherwise than stored, and an order answered two', () => {
    // Prepare: o1 was answered cancelled and shipped (the race had two winners); o2 answered
    // shipped but stored cancelled; o3 shipped twice (two writes, the first answer overwritten);
    // o4 answered as stored, twice; o5 is nowhere.
    const after = state({
      products: [product('mug', 6), product('lamp', 5)],
      orders: [
        order('o1', 'mug', 1, shipped),
        order('o2', 'mug', 1, cancelled),
        order('o3', 'mug', 1, shipped),
        order('o4', 'mug', 1, cancelled),
        order('o5x', 'mug', 2),
      ],
    });
    const answered = new Map([
      ['alice/o1', new Set([`CANCELLED at ${LATER}`, `SHIPPED at ${LATER}`])],
      ['alice/o2', new Set([`SHIPPED at ${LATER}`])],
      ['alice/o3', new Set(['SHIPPED at 2026-11-21T10:04:00.000Z'])],
      ['alice/o4', new Set([`CANCELLED at ${LATER}`])],
      ['alice/o5', new Set([`CANCELLED at ${LATER}`])],
    ]);

    // Act
    const failures = broken(checkInvariants({ before: state(), after, answered }));

    // Assess
    expect(failures).toEqual({
      [INVARIANTS.answeredStatuses]: [
        `order alice/o1 answered CANCELLED at ${LATER} and SHIPPED at ${LATER}`,
        `order alice/o2 answered SHIPPED at ${LATER}, stored CANCELLED at ${LATER}`,
        `order alice/o3 answered SHIPPED at 2026-11-21T10:04:00.000Z, stored SHIPPED at ${LATER}`,
        `order alice/o5 answered CANCELLED at ${LATER}, stored nowhere`,
      ],
    });
  });

  test('report an earlier order cancelled during the scenario as changed, while the ledgers balance', () => {
    // Prepare: o1 was placed before the scenario; the scenario cancelled it (units and use back).
    const before = state({
      products: [product('mug', 7), product('lamp', 5)],
      orders: [order('o1', 'mug', 3)],
    });
    const after = state({
      products: [product('mug', 10), product('lamp', 5)],
      orders: [order('o1', 'mug', 3, cancelled)],
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures).toEqual({ [INVARIANTS.ordersKept]: ['order alice/o1 changed'] });
  });

  test('count the orders a scenario placed by their final status, and the units still held', () => {
    // Prepare
    const before = state({ orders: [order('o0', 'lamp', 1)] });
    const after = state({
      orders: [
        order('o0', 'lamp', 1),
        order('o1', 'mug', 3),
        order('o2', 'mug', 2, cancelled),
        order('o3', 'lamp', 1, shipped),
      ],
    });

    // Act
    const figures = orderFigures(before, after);

    // Assess
    expect(figures).toEqual({ placed: 3, cancelled: 1, shipped: 1, units: 6, liveUnits: 4 });
  });
});
