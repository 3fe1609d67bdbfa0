import { checkInvariants, INVARIANTS } from '../../../load/invariants';
import { broken, order, product, state } from './loadFixtures';

/**
 * The load test's invariant checker (load/invariants.ts) is the only judge of a load run: these
 * tests prove that each of its checks can fail, on hand-made broken tables, and that a consistent
 * pair of snapshots passes all of them.
 */

describe('the load test invariant checker', () => {
  test('passes a consistent run: stock taken equals units ordered, totals add up, carts point at products', () => {
    // Prepare
    const before = state();
    const after = state({
      products: [product('mug', 7), product('lamp', 5)],
      orders: [order('o1', 'mug', 3)],
      carts: [{ userId: 'alice', items: [{ productId: 'lamp', quantity: 2 }], version: 4 }],
    });

    // Act
    const results = checkInvariants({ before, after, acknowledgedOrders: new Set(['alice/o1']) });

    // Assess
    expect(broken(results)).toEqual({});
    expect(results.map((r) => r.name)).toEqual(Object.values(INVARIANTS));
  });

  test('reports negative stock even when the ledger balances (an oversell)', () => {
    // Prepare
    const before = state({ products: [product('mug', 2), product('lamp', 5)] });
    const after = state({
      products: [product('mug', -1), product('lamp', 5)],
      orders: [order('o1', 'mug', 3)],
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.stockNotNegative]).toEqual(['mug: stock -1']);
    expect(failures[INVARIANTS.stockLedger]).toBeUndefined();
  });

  test('reports stock taken without an order, and an order whose stock was never taken', () => {
    // Prepare
    const before = state();
    const after = state({
      products: [product('mug', 8), product('lamp', 5)],
      orders: [order('o1', 'lamp', 1)],
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.stockLedger]).toEqual([
      'mug: units in live orders 0, but stock went 10 → 8',
      'lamp: units in live orders +1, but stock went 5 → 5',
    ]);
  });

  test('counts units the tool restocked during the run in the ledger', () => {
    // Prepare
    const before = state();
    const after = state({
      products: [product('mug', 27), product('lamp', 5)],
      orders: [order('o1', 'mug', 3)],
    });

    // Act
    const results = checkInvariants({ before, after, restocked: new Map([['mug', 20]]) });

    // Assess
    expect(broken(results)).toEqual({});
  });

  test('reports order totals inconsistent with the lines, line by line and field by field', () => {
    // Prepare
    const bad = order('o1', 'mug', 2, { subtotal: 1999, total: 1799, itemCount: 3 });
    bad.items[0] = { productId: 'mug', name: 'mug', price: 1000, quantity: 2, lineTotal: 2500 };
    const before = state({ products: [product('mug', 12), product('lamp', 5)] });
    const after = state({ orders: [bad] });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.orderTotals]).toEqual([
      'order alice/o1: mug: lineTotal 2500 ≠ 1000 × 2',
      'order alice/o1: subtotal 1999 ≠ Σ lines 2500',
      'order alice/o1: itemCount 3 ≠ Σ quantities 2',
      'order alice/o1: discount 200 ≠ 250',
    ]);
  });

  test('reports a wrong discount percentage, a wrong total and a price that is not the catalogue price', () => {
    // Prepare
    const before = state({ products: [product('mug', 11, 900), product('lamp', 5)] });
    const after = state({
      products: [product('mug', 10, 900), product('lamp', 5)],
      orders: [order('o1', 'mug', 1, { discountPercentage: 50, discount: 500, total: 400 })],
    });

    // Act
    const failures = broken(checkInvariants({ before, after }));

    // Assess
    expect(failures[INVARIANTS.orderTotals]).toEqual([
      'order alice/o1: mug: price 1000, catalogue 900',
      'order alice/o1: discount 50 % for code WELCOME10',
      'order alice/o1: total 400 ≠ 1000 − 500',
    ]);
  });

  test('checks a fixed-amount code’s discount: its value, with no percentage', () => {
    // Prepare: 4 mugs are 4000; FIVEOFF takes 500 of them.
    const fixed = { promotionCode: 'FIVEOFF', discountPercentage: 0, discount: 500, total: 3500 };
    const before = state();
    const good = state({
      products: [product('mug', 6), product('lamp', 5)],
      orders: [order('o1', 'mug', 4, fixed)],
    });
    const bad = state({
      products: [product('mug', 6), product('lamp', 5)],
      orders: [order('o1', 'mug', 4, { ...fixed, discountPercentage: 10, discount: 400, total: 3600 })],
    });

    // Act
    const passed = broken(checkInvariants({ before, after: good }));
    const failed = broken(checkInvariants({ before, after: bad }));

    // Assess
    expect(passed).toEqual({});
    expect(failed[INVARIANTS.orderTotals]).toEqual([
      'order alice/o1: discount 10 % for code FIVEOFF',
      'order alice/o1: discount 400 ≠ 500',
    ]);
  });

  test('reports a cart line for a product that does not exist, a bad quantity and a duplicate line', () => {
    // Prepare
    const after = state({
      carts: [
        {
          userId: 'bob',
          items: [
            { productId: 'ghost', quantity: 1 },
            { productId: 'mug', quantity: 0 },
            { productId: 'lamp', quantity: 1 },
            { productId: 'lamp', quantity: 2 },
          ],
          version: 3,
        },
      ],
    });

    // Act
    const failures = broken(checkInvariants({ before: state(), after }));

    // Assess
    expect(failures[INVARIANTS.cartLines]).toEqual([
      'cart bob: ghost is not in the catalogue',
      'cart bob: mug has quantity 0',
      'cart bob: lamp appears twice',
    ]);
  });

  test('reports an acknowledged order that is not stored, and an earlier order that vanished or changed', () => {
    // Prepare
    const kept = order('o1', 'mug', 1);
    const gone = order('o2', 'mug', 1);
    const before = state({ orders: [kept, gone] });
    const after = state({ orders: [{ ...kept, total: 1 }] });

    // Act
    const failures = broken(checkInvariants({ before, after, acknowledgedOrders: new Set(['alice/o3']) }));

    // Assess
    expect(failures[INVARIANTS.ordersKept]).toEqual([
      'order alice/o3 was acknowledged but is not stored',
      'order alice/o1 changed',
      'order alice/o2 disappeared',
    ]);
  });

  test('reports comment aggregates that disagree with the comments and ratings, and comments on a missing product', () => {
    // Prepare: alice rated the mug twice; only her latest rating (5) counts.
    const after = state({
      products: [
        { ...product('mug', 10), commentCount: 3, ratingSum: 9, ratingCount: 2 },
        product('lamp', 5),
      ],
      comments: [
        { productId: 'mug', id: 'c1', authorId: 'alice', rating: 4 },
        { productId: 'mug', id: 'c2', authorId: 'alice', rating: 5 },
        { productId: 'mug', id: 'c3', authorId: 'bob' },
        { productId: 'ghost', id: 'c4', authorId: 'bob', rating: 1 },
      ],
      ratings: [{ productId: 'mug', userId: 'alice', rating: 5, commentId: 'c2' }],
    });

    // Act
    const failures = broken(checkInvariants({ before: state(), after }));

    // Assess
    expect(failures[INVARIANTS.commentAggregates]).toEqual([
      'mug: count/ratingSum/ratingCount 3/9/2, tables say 3/5/1',
      '1 comments on ghost, which is not in the catalogue',
    ]);
  });

  test('reports a user’s current rating that is not the one its comment gave', () => {
    // Prepare
    const after = state({
      products: [
        { ...product('mug', 10), commentCount: 1, ratingSum: 3, ratingCount: 1 },
        product('lamp', 5),
      ],
      comments: [{ productId: 'mug', id: 'c1', authorId: 'alice', rating: 4 }],
      ratings: [{ productId: 'mug', userId: 'alice', rating: 3, commentId: 'c1' }],
    });

    // Act
    const failures = broken(checkInvariants({ before: state(), after }));

    // Assess
    expect(failures[INVARIANTS.commentAggregates]).toEqual([
      "alice's rating 3 of mug is not what comment c1 gave",
    ]);
  });
});
