import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import {
  allOrdersRequest,
  cancelOk,
  idsAmong,
  newestFirst,
  placeOrder,
  shipOk,
  walkAllOrders,
  type LifecycleOrderView,
} from '../../support/orderLifecycle';
import { ordersOf, type OrderView } from '../../support/orders';
import { dataOf, errorCodes } from '../../support/storeApi';

/**
 * Staff's list of every customer's orders. Assertions look at this test's own orders within the
 * listing (by id), so orders placed by other tests of the file never matter.
 */
const app = useTestApp();
let staff: Shopper;

beforeAll(() => {
  staff = staffMember(app);
});

interface Placed {
  buyer: Shopper;
  order: OrderView;
}

/** `count` one-line orders, one after the other, by the buyers in turn. */
async function placeOrders(buyers: readonly Shopper[], count: number): Promise<Placed[]> {
  const product = await freshProduct(app, 'listed', { stock: 1000 });
  const placed: Placed[] = [];
  for (let index = 0; index < count; index += 1) {
    const buyer = nth(buyers, index % buyers.length);
    placed.push({ buyer, order: await placeOrder(app, buyer, [[product, 1 + index]]) });
  }
  return placed;
}

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const ids = (placed: readonly Placed[]) => placed.map(({ order }) => order.id);
const orders = (placed: readonly Placed[]) => placed.map(({ order }) => order);

/** The whole listing, one page of 100 at a time. */
const everything = (status?: string) =>
  walkAllOrders(app, staff, { ...(status ? { status } : {}), first: 100 });

function duplicates(listed: readonly LifecycleOrderView[]): string[] {
  const seen = listed.map((order) => order.id);
  return seen.filter((id, index) => seen.indexOf(id) !== index);
}

describe('allOrders', () => {
  test('lists the orders of several customers newest first, each with its customer and content', async () => {
    // Prepare
    const buyers = [shopper(app, 'Ann'), shopper(app, 'Bob'), shopper(app, 'Cy')];
    const placed = await placeOrders(buyers, 7);

    // Act
    const listed = await everything();

    // Assess
    const mine = listed.filter((order) => ids(placed).includes(order.id));
    expect(mine.map((order) => order.id)).toEqual(newestFirst(orders(placed)));
    for (const { buyer, order } of placed) {
      expect(mine.find((listedOrder) => listedOrder.id === order.id)).toEqual({
        ...order,
        status: 'PLACED',
        cancelledAt: null,
        shippedAt: null,
        customerId: buyer.userId,
      });
    }
    expect(duplicates(listed)).toEqual([]);
  });

  test('with a status, lists only the orders that now have it, newest first', async () => {
    // Prepare: 6 orders; 2 shipped, 2 cancelled, 2 still placed.
    const buyers = [shopper(app, 'Dee'), shopper(app, 'Eve')];
    const placed = await placeOrders(buyers, 6);
    const at = (index: number) => nth(placed, index);
    const expected = { SHIPPED: [at(0), at(3)], CANCELLED: [at(1), at(5)], PLACED: [at(2), at(4)] };
    for (const { order } of expected.SHIPPED) await shipOk(app, staff, order.id);
    for (const { buyer, order } of expected.CANCELLED) await cancelOk(app, buyer, order.id);

    // Act
    const listed = {
      SHIPPED: await everything('SHIPPED'),
      CANCELLED: await everything('CANCELLED'),
      PLACED: await everything('PLACED'),
    };

    // Assess
    for (const status of ['SHIPPED', 'CANCELLED', 'PLACED'] as const) {
      expect(idsAmong(listed[status], ids(placed))).toEqual(newestFirst(orders(expected[status])));
      expect(new Set(listed[status].map((order) => order.status))).toEqual(new Set([status]));
    }
    expect(listed.SHIPPED.every((order) => order.shippedAt !== null && order.cancelledAt === null)).toBe(
      true,
    );
    expect(listed.CANCELLED.every((order) => order.cancelledAt !== null && order.shippedAt === null)).toBe(
      true,
    );
    expect(listed.PLACED.every((order) => order.cancelledAt === null && order.shippedAt === null)).toBe(true);
    const unfiltered = await everything();
    expect(idsAmong(unfiltered, ids(placed))).toEqual(newestFirst(orders(placed)));
  });

  test.each([
    { first: 1, status: undefined },
    { first: 2, status: undefined },
    { first: 3, status: undefined },
    { first: 2, status: 'PLACED' },
    { first: 1, status: 'SHIPPED' },
  ])(
    'walking pages of $first (status $status) lists every order once, as one big page does',
    async ({ first, status }) => {
      // Prepare: orders in every status, so the unfiltered pages merge three partitions.
      const placed = await placeOrders([shopper(app, 'Fay'), shopper(app, 'Gus')], 7);
      for (const { order } of placed.filter((_one, index) => index % 3 === 1)) {
        await shipOk(app, staff, order.id);
      }
      for (const { buyer, order } of placed.filter((_one, index) => index % 3 === 2)) {
        await cancelOk(app, buyer, order.id);
      }

      // Act
      const walked = await walkAllOrders(app, staff, { ...(status ? { status } : {}), first });
      const onePage = await everything(status);

      // Assess
      const statusOf = (index: number) => (['PLACED', 'SHIPPED', 'CANCELLED'] as const)[index % 3];
      const expected = newestFirst(
        orders(placed.filter((_one, index) => !status || statusOf(index) === status)),
      );
      expect(duplicates(walked)).toEqual([]);
      expect(idsAmong(walked, ids(placed))).toEqual(expected);
      expect(idsAmong(onePage, ids(placed))).toEqual(expected);
    },
  );

  test('orders changing status between two pages neither repeat nor disappear from the unfiltered list', async () => {
    // Prepare
    const placed = await placeOrders([shopper(app, 'Hal'), shopper(app, 'Ivy')], 8);
    const changed: string[] = [];
    const listedSoFar: string[] = [];

    // Act: after each page, ship one of this test's orders already listed and cancel one not yet.
    const walked = await walkAllOrders(app, staff, { first: 2 }, async (page) => {
      listedSoFar.push(...page.map((order) => order.id));
      const placedOnly = placed.filter(({ order }) => !changed.includes(order.id));
      const seen = placedOnly.find(({ order }) => listedSoFar.includes(order.id));
      const unseen = placedOnly.find(({ order }) => !listedSoFar.includes(order.id));
      if (seen) {
        await shipOk(app, staff, seen.order.id);
        changed.push(seen.order.id);
      }
      if (unseen) {
        await cancelOk(app, unseen.buyer, unseen.order.id);
        changed.push(unseen.order.id);
      }
    });

    // Assess
    expect(changed.length).toBeGreaterThanOrEqual(4);
    expect(duplicates(walked)).toEqual([]);
    expect(idsAmong(walked, ids(placed))).toEqual(newestFirst(orders(placed)));
  });

  test.each([
    ['garbage', () => 'not-a-cursor'],
    ['an orders cursor', ordersCursor],
    ['a products cursor', productsCursor],
    ['an allOrders cursor with another key', () => cursorOf({ c: 'allOrders', k: { id: 'x' } })],
    ['an allOrders cursor with an empty key', () => cursorOf({ c: 'allOrders', k: { createdKey: '' } })],
    [
      'an allOrders cursor with a key too long',
      () => cursorOf({ c: 'allOrders', k: { createdKey: 'x'.repeat(2000) } }),
    ],
  ])('a cursor that is %s is BAD_USER_INPUT, with or without a status', async (_what, cursor) => {
    // Prepare
    const after = await cursor();

    // Act
    const responses = await Promise.all([
      allOrdersRequest(app, staff, { first: 5, after }),
      allOrdersRequest(app, staff, { status: 'PLACED', first: 5, after }),
    ]);

    // Assess
    for (const response of responses) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'after' });
    }
  });

  test.each([0, -1, 101])('first %i is BAD_USER_INPUT, with or without a status', async (first) => {
    // Act
    const responses = await Promise.all([
      allOrdersRequest(app, staff, { first }),
      allOrdersRequest(app, staff, { status: 'CANCELLED', first }),
    ]);

    // Assess
    for (const response of responses) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'first' });
    }
  });

  test('the first page, without a cursor, answers: first 1 and 100, with and without a status', async () => {
    // Act
    const responses = await Promise.all([
      allOrdersRequest(app, staff, { first: 100 }),
      allOrdersRequest(app, staff, { first: 1 }),
      allOrdersRequest(app, staff, { status: 'PLACED', first: 100 }),
      allOrdersRequest(app, staff, { status: 'SHIPPED', first: 1 }),
    ]);

    // Assess
    expect(responses.map(errorCodes)).toEqual([[], [], [], []]);
  });

  test('a shopper is FORBIDDEN and an anonymous caller UNAUTHENTICATED', async () => {
    // Prepare: there is an order to leak.
    const buyer = shopper(app, 'Jo');
    await placeOrders([buyer], 1);

    // Act
    const asShopper = await allOrdersRequest(app, buyer, { first: 10 });
    const anonymous = await app.graphql({ query: '{ allOrders { nodes { id customerId } } }' });

    // Assess
    expect(errorCodes(asShopper)).toEqual(['FORBIDDEN']);
    expect(asShopper.body.data).toBeNull();
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.body.data).toBeNull();
  });

  test('its cost bounds the DynamoDB calls of a page of every status', async () => {
    // Act
    const response = await allOrdersRequest(app, staff, { first: 20 });

    // Assess
    expect(errorCodes(response)).toEqual([]);
    const cost = response.body.extensions?.cost as { requested: number; dynamoDbCalls: number };
    expect(cost.dynamoDbCalls).toBe(3);
    expect(cost.requested).toBeGreaterThanOrEqual(cost.dynamoDbCalls);
  });
});

function cursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A real cursor of a shopper's own `orders`. */
async function ordersCursor(): Promise<string> {
  const buyer = shopper(app, 'Cursor');
  await placeOrders([buyer], 2);
  return String(dataOf(await ordersOf(app, buyer, 1)).orders.pageInfo.endCursor);
}

/** A real cursor of the catalogue's `products`. */
async function productsCursor(): Promise<string> {
  await freshProduct(app, 'cursor');
  const response = await app.graphql<{ products: { pageInfo: { endCursor: string | null } } }>({
    query: '{ products(first: 1) { pageInfo { endCursor } } }',
  });
  return String(dataOf(response).products.pageInfo.endCursor);
}
