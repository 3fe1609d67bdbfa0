import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductRecord } from '../../../src/datasources/models';
import { encodeCursor } from '../../../src/datasources/pagedQuery';
import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import {
  allOrdersRequest,
  cancelRequest,
  newestFirst,
  placeOrder,
  promotionCodeFor,
  shipOk,
  shipRequest,
  storedOrder,
  timesUsedOf,
} from '../../support/orderLifecycle';
import {
  checkoutRequest,
  count,
  fillCart,
  newKey,
  outcomeOf,
  stockOf,
  storedOrders,
  type OrderView,
} from '../../support/orders';
import { createPromotionOk } from '../../support/promotions';
import { dataOf } from '../../support/storeApi';

/**
 * Races on an order's life: real concurrent requests through the handler. Which request wins is
 * up to the scheduler; what is asserted holds whoever wins.
 */
const app = useTestApp();
let staff: Shopper;

beforeAll(() => {
  staff = staffMember(app);
});

/** One buyer's placed order of `quantity` units of a product of its own (stock 10). */
async function placedAlone(quantity: number, code?: string) {
  const buyer = shopper(app);
  const product = await freshProduct(app, 'raced', { stock: 10, price: 1000 });
  const order = await placeOrder(app, buyer, [[product, quantity]], code);
  return { buyer, product, order };
}

/** Units of `product` in the live (placed or shipped) orders of `buyers`, as stored. */
async function liveUnits(buyers: readonly Shopper[], product: ProductRecord): Promise<number> {
  const orders = (await Promise.all(buyers.map((buyer) => storedOrders(app, buyer.userId)))).flat();
  return orders
    .filter((order) => order.status !== 'CANCELLED')
    .flatMap((order) => order.items)
    .filter((line) => line.productId === product.id)
    .reduce((sum, line) => sum + line.quantity, 0);
}

describe('cancelOrder racing shipOrder', () => {
  test('8 orders each cancelled and shipped at once: exactly one happens, the other is BAD_USER_INPUT', async () => {
    // Prepare: every order also holds 2 units of one shared product, so the cancellations collide.
    const shared = await freshProduct(app, 'shared', { stock: 100 });
    const placed: Array<{ buyer: Shopper; own: ProductRecord; order: OrderView }> = [];
    for (let index = 0; index < 8; index += 1) {
      const buyer = shopper(app);
      const own = await freshProduct(app, 'own', { stock: 10 });
      const order = await placeOrder(app, buyer, [
        [own, 3],
        [shared, 2],
      ]);
      placed.push({ buyer, own, order });
    }

    // Act
    const results = await Promise.all(
      placed.map(({ buyer, order }) =>
        Promise.all([cancelRequest(app, buyer, order.id), shipRequest(app, staff, order.id)]),
      ),
    );

    // Assess
    let shippedCount = 0;
    for (const [index, [cancelled, shipped]] of results.entries()) {
      const { buyer, own, order } = placed[index]!;
      const stored = await storedOrder(app, buyer.userId, order.id);
      const outcomes = [outcomeOf(cancelled), outcomeOf(shipped)];
      if (stored.status === 'CANCELLED') {
        expect(outcomes).toEqual(['OK', 'BAD_USER_INPUT']);
        expect(dataOf(cancelled).cancelOrder).toMatchObject({ status: 'CANCELLED', shippedAt: null });
        expect(stored.shippedAt).toBeUndefined();
        expect(await stockOf(app, own)).toEqual([10]);
      } else {
        shippedCount += 1;
        expect(outcomes).toEqual(['BAD_USER_INPUT', 'OK']);
        expect(dataOf(shipped).shipOrder).toMatchObject({ status: 'SHIPPED', cancelledAt: null });
        expect(stored).toMatchObject({ status: 'SHIPPED' });
        expect(stored.cancelledAt).toBeUndefined();
        expect(await stockOf(app, own)).toEqual([7]);
      }
    }
    expect(await stockOf(app, shared)).toEqual([100 - 2 * shippedCount]);
    console.info(`cancel vs ship: ${8 - shippedCount} cancelled, ${shippedCount} shipped`);
  });

  test('two cancels and two shipments of each of 4 orders at once: one kind wins, its twin answers the same order', async () => {
    // Prepare
    const code = promotionCodeFor('race');
    await createPromotionOk(app, staff.token, { code, kind: 'PERCENTAGE', value: 10 });
    const placed = await Promise.all(Array.from({ length: 4 }, () => placedAlone(2, code)));

    // Act
    const results = await Promise.all(
      placed.map(({ buyer, order }) =>
        Promise.all([
          cancelRequest(app, buyer, order.id),
          shipRequest(app, staff, order.id),
          cancelRequest(app, buyer, order.id),
          shipRequest(app, staffMember(app, 'Colleague'), order.id),
        ]),
      ),
    );

    // Assess
    let cancelledCount = 0;
    for (const [index, [cancelA, shipA, cancelB, shipB]] of results.entries()) {
      const { buyer, product, order } = placed[index]!;
      const stored = await storedOrder(app, buyer.userId, order.id);
      const cancels = [outcomeOf(cancelA), outcomeOf(cancelB)];
      const ships = [outcomeOf(shipA), outcomeOf(shipB)];
      if (stored.status === 'CANCELLED') {
        cancelledCount += 1;
        expect({ cancels, ships }).toEqual({
          cancels: ['OK', 'OK'],
          ships: ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
        });
        expect(dataOf(cancelA).cancelOrder).toEqual(dataOf(cancelB).cancelOrder);
        expect(dataOf(cancelA).cancelOrder.cancelledAt).toBe(stored.cancelledAt);
        expect(await stockOf(app, product)).toEqual([10]);
      } else {
        expect({ cancels, ships }).toEqual({
          cancels: ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
          ships: ['OK', 'OK'],
        });
        expect(dataOf(shipA).shipOrder).toEqual(dataOf(shipB).shipOrder);
        expect(dataOf(shipA).shipOrder.shippedAt).toBe(stored.shippedAt);
        expect(await stockOf(app, product)).toEqual([8]);
      }
    }
    expect(await timesUsedOf(app, code)).toBe(4 - cancelledCount);
  });
});

describe('concurrent cancellations of one order', () => {
  test('both answer the same CANCELLED order; stock and the code’s use come back once', async () => {
    // Prepare: 5 orders, each with a code use to give back.
    const code = promotionCodeFor('twin');
    await createPromotionOk(app, staff.token, { code, kind: 'FIXED_AMOUNT', value: 100, usageLimit: 10 });
    const placed = await Promise.all(Array.from({ length: 5 }, () => placedAlone(4, code)));

    // Act
    const results = await Promise.all(
      placed.map(({ buyer, order }) =>
        Promise.all([cancelRequest(app, buyer, order.id), cancelRequest(app, buyer, order.id)]),
      ),
    );

    // Assess
    for (const [index, [first, second]] of results.entries()) {
      const { buyer, product, order } = placed[index]!;
      const answers = [dataOf(first).cancelOrder, dataOf(second).cancelOrder];
      expect(answers[0]).toMatchObject({ id: order.id, status: 'CANCELLED', shippedAt: null });
      expect(answers[1]).toEqual(answers[0]);
      expect(await storedOrder(app, buyer.userId, order.id)).toMatchObject({
        status: 'CANCELLED',
        cancelledAt: answers[0]?.cancelledAt,
      });
      expect(await stockOf(app, product)).toEqual([10]);
    }
    expect(await timesUsedOf(app, code)).toBe(0);
  });
});

describe('cancelOrder racing checkouts of the same product', () => {
  test('stock always equals the initial stock minus the units of the live orders', async () => {
    for (let round = 0; round < 4; round += 1) {
      // Prepare: the canceller holds 4 of 10 units; 6 others want 2 each of the 6 left.
      const product = await freshProduct(app, 'contended', { stock: 10 });
      const canceller = shopper(app, 'Canceller');
      const order = await placeOrder(app, canceller, [[product, 4]]);
      const others = Array.from({ length: 6 }, () => shopper(app, 'Rival'));
      await Promise.all(others.map((rival) => fillCart(app, rival, [[product, 2]])));

      // Act
      const [cancelled, ...checkouts] = await Promise.all([
        cancelRequest(app, canceller, order.id),
        ...others.map((rival) => checkoutRequest(app, rival, newKey())),
      ]);

      // Assess
      expect(outcomeOf(cancelled)).toBe('OK');
      const outcomes = checkouts.map(outcomeOf);
      expect(count(outcomes, 'OK') + count(outcomes, 'OUT_OF_STOCK')).toBe(others.length);
      const live = await liveUnits([canceller, ...others], product);
      expect(live).toBe(2 * count(outcomes, 'OK'));
      expect(live).toBeLessThanOrEqual(10);
      expect(await stockOf(app, product)).toEqual([10 - live]);
      // Had the cancellation come first, 5 of the 6 could buy; had it come last, 3.
      expect(count(outcomes, 'OK')).toBeGreaterThanOrEqual(3);
    }
  });

  test('a limited code raced by a cancellation and new checkouts is never used beyond its limit', async () => {
    // Prepare: a limit of 2, one use held by the order to cancel, 4 rivals with the code applied.
    const code = promotionCodeFor('limit');
    await createPromotionOk(app, staff.token, { code, kind: 'PERCENTAGE', value: 10, usageLimit: 2 });
    const { buyer, order } = await placedAlone(1, code);
    const product = await freshProduct(app, 'plenty', { stock: 100, price: 1000 });
    const rivals = Array.from({ length: 4 }, () => shopper(app, 'Rival'));
    await Promise.all(rivals.map((rival) => fillCart(app, rival, [[product, 1]], code)));

    // Act
    const [cancelled, ...checkouts] = await Promise.all([
      cancelRequest(app, buyer, order.id),
      ...rivals.map((rival) => checkoutRequest(app, rival, newKey())),
    ]);

    // Assess
    expect(outcomeOf(cancelled)).toBe('OK');
    const outcomes = checkouts.map(outcomeOf);
    expect(count(outcomes, 'OK') + count(outcomes, 'BAD_USER_INPUT')).toBe(rivals.length);
    const coded = (await Promise.all([buyer, ...rivals].map((who) => storedOrders(app, who.userId))))
      .flat()
      .filter((stored) => stored.status !== 'CANCELLED' && stored.promotionCode === code);
    expect(coded).toHaveLength(count(outcomes, 'OK'));
    expect(coded.length).toBeLessThanOrEqual(2);
    expect(coded.length).toBeGreaterThanOrEqual(1);
    expect(await timesUsedOf(app, code)).toBe(coded.length);
  });
});

describe('allOrders racing a status change', () => {
  afterEach(() => jest.restoreAllMocks());

  // The unfiltered page reads PLACED before the final statuses (ordersByStatus.ts), so a shipment
  // can land only after the PLACED read.
  test('an order shipped between the per-status reads of one unfiltered page is listed once, as shipped', async () => {
    const readFirst = 'PLACED';
    // Prepare: the page starts below a newer order (its edge cursor, as the API issues it); the
    // older order is shipped once the Query of `readFirst` has answered, before the others run.
    const buyer = shopper(app);
    const product = await freshProduct(app, 'listed', { stock: 10 });
    const pair = [await placeOrder(app, buyer, [[product, 1]]), await placeOrder(app, buyer, [[product, 1]])];
    const [newer, older] = newestFirst(pair).map((id) => pair.find((order) => order.id === id));
    if (!newer || !older) throw new Error('Two orders were placed');
    const after = encodeCursor('allOrders', { createdKey: `${newer.createdAt}#${newer.id}` });
    interleaveShipment(readFirst, () => shipOk(app, staff, older.id));

    // Act
    const page = dataOf(await allOrdersRequest(app, staff, { first: 100, after })).allOrders;

    // Assess
    expect((await storedOrder(app, buyer.userId, older.id)).status).toBe('SHIPPED');
    expect(page.nodes.filter((order) => order.id === older.id).map((order) => order.status)).toEqual([
      'SHIPPED',
    ]);
  });
});

/**
 * Holds every byStatus Query of the orders table but the one of `partition` until that one has
 * answered and `change` has run: a status change landing between the reads of one page.
 */
function interleaveShipment(partition: string, change: () => Promise<unknown>): void {
  const send = DynamoDBDocumentClient.prototype.send;
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held = async function (this: DynamoDBDocumentClient, command: unknown) {
    const forward = () =>
      (send as (this: DynamoDBDocumentClient, command: unknown) => Promise<unknown>).call(this, command);
    if (!(command instanceof QueryCommand) || command.input.IndexName !== 'byStatus') return forward();
    if (command.input.ExpressionAttributeValues?.[':status'] !== partition) {
      await opened;
      return forward();
    }
    const output = await forward();
    await change();
    open();
    return output;
  };
  jest.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(held as typeof send);
}
