import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import {
  cancelOk,
  myOrders,
  placeOrder,
  shipOk,
  shipRequest,
  storedOrder,
  UNKNOWN_ORDER_IDS,
} from '../../support/orderLifecycle';
import { stockOf } from '../../support/orders';
import { errorCodes } from '../../support/storeApi';

const app = useTestApp({ promotions: { SHIPTEN: 10 } });
let staff: Shopper;

beforeAll(() => {
  staff = staffMember(app);
});

describe('shipOrder', () => {
  test('marks a placed order SHIPPED with the time of shipping, and the buyer sees it in `orders`', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'shipped', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 3]]);
    const before = new Date().toISOString();

    // Act
    const shipped = await shipOk(app, staff, order.id);

    // Assess
    const after = new Date().toISOString();
    expect(shipped).toEqual({
      ...order,
      status: 'SHIPPED',
      shippedAt: expect.any(String),
      cancelledAt: null,
      customerId: buyer.userId,
    });
    const shippedAt = String(shipped.shippedAt);
    expect(shippedAt >= before && shippedAt <= after).toBe(true);
    expect(await myOrders(app, buyer)).toEqual([shipped]);
    expect(await storedOrder(app, buyer.userId, order.id)).toMatchObject({ status: 'SHIPPED', shippedAt });
    expect(await stockOf(app, product)).toEqual([7]);
  });

  test('a placed order has neither shippedAt nor cancelledAt, and shipping one leaves the others placed', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'one-of-two', { stock: 10 });
    const kept = await placeOrder(app, buyer, [[product, 1]]);
    const sent = await placeOrder(app, buyer, [[product, 2]]);

    // Act
    await shipOk(app, staff, sent.id);

    // Assess
    const statuses = (await myOrders(app, buyer)).map(({ id, status, shippedAt, cancelledAt }) => ({
      id,
      status,
      shipped: shippedAt !== null,
      cancelled: cancelledAt !== null,
    }));
    expect(statuses).toEqual([
      { id: sent.id, status: 'SHIPPED', shipped: true, cancelled: false },
      { id: kept.id, status: 'PLACED', shipped: false, cancelled: false },
    ]);
  });

  test('shipping twice returns the same order, shipped once, and the second writes nothing', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'twice', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 2]], 'SHIPTEN');
    const first = await shipOk(app, staff, order.id);
    const before = await app.snapshot();

    // Act
    const second = await shipOk(app, staffMember(app, 'Colleague'), order.id);

    // Assess
    expect(second).toEqual(first);
    expect(second).toMatchObject({ promotionCode: 'SHIPTEN', discount: 200 });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a cancelled order is BAD_USER_INPUT and stays cancelled, its stock still returned', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'cancelled', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 4]]);
    const cancelled = await cancelOk(app, buyer, order.id);
    const before = await app.snapshot();

    // Act
    const response = await shipRequest(app, staff, order.id);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'id' });
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
    expect(await myOrders(app, buyer)).toEqual([cancelled]);
    expect(await stockOf(app, product)).toEqual([10]);
  });

  test.each([
    { who: 'a shopper', caller: () => shopper(app, 'Nosy') },
    { who: 'the order’s own buyer', caller: (buyer: Shopper) => buyer },
  ])('$who is FORBIDDEN and nothing changes', async ({ caller }) => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'forbidden', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 1]]);
    const before = await app.snapshot();

    // Act
    const response = await shipRequest(app, caller(buyer), order.id);

    // Assess
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test('an anonymous caller is UNAUTHENTICATED and nothing changes', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'anonymous', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 1]]);
    const before = await app.snapshot();

    // Act
    const response = await app.graphql({
      query: 'mutation Ship($id: ID!) { shipOrder(id: $id) { id status } }',
      variables: { id: order.id },
    });

    // Assess
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await app.snapshot()).toEqual(before);
  });

  test.each(UNKNOWN_ORDER_IDS)('an id that is %s is NOT_FOUND and nothing changes', async (_what, id) => {
    // Prepare: an order exists, so there is something that must not change.
    const buyer = shopper(app);
    const product = await freshProduct(app, 'garbage', { stock: 10 });
    await placeOrder(app, buyer, [[product, 1]]);
    const before = await app.snapshot();

    // Act
    const response = await shipRequest(app, staff, id);

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'id' });
    expect(await app.snapshot()).toEqual(before);
  });

  test('its cost bounds the DynamoDB calls an uncontended shipment makes', async () => {
    // Prepare
    const buyer = shopper(app);
    const product = await freshProduct(app, 'costed', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 1]]);

    // Act
    const response = await shipRequest(app, staff, order.id);

    // Assess
    expect(errorCodes(response)).toEqual([]);
    const cost = response.body.extensions?.cost as { requested: number; dynamoDbCalls: number };
    expect(cost.dynamoDbCalls).toBeGreaterThan(0);
    expect(cost.requested).toBeGreaterThanOrEqual(cost.dynamoDbCalls);
  });

  test('the cost of shipping an order already shipped still bounds its DynamoDB calls', async () => {
    // Prepare: the second shipment fails its condition and reads the order to tell why.
    const buyer = shopper(app);
    const product = await freshProduct(app, 'costed-twice', { stock: 10 });
    const order = await placeOrder(app, buyer, [[product, 1]]);
    await shipOk(app, staff, order.id);

    // Act
    const response = await shipRequest(app, staff, order.id);

    // Assess
    expect(errorCodes(response)).toEqual([]);
    const cost = response.body.extensions?.cost as { requested: number; dynamoDbCalls: number };
    expect(cost.dynamoDbCalls).toBe(3);
    expect(cost.requested).toBeGreaterThanOrEqual(cost.dynamoDbCalls);
  });
});
