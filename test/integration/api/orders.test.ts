import { freshProduct, shopper, type Shopper, useTestApp } from '../../support/fixtures';
import { checkoutOk, fillCart, ordersOf } from '../../support/orders';
import { dataOf, errorCodes } from '../../support/storeApi';

const app = useTestApp();

/** Places `count` one-line orders for `buyer`, one after the other; returns their ids, oldest first. */
async function placeOrders(buyer: Shopper, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const product = await freshProduct(app, `o${index}`, { price: 100 * (index + 1) });
    await fillCart(app, buyer, [[product, 1]]);
    ids.push((await checkoutOk(app, buyer)).id);
  }
  return ids;
}

describe('orders', () => {
  test('a shopper who never checked out has no orders', async () => {
    // Act
    const response = await ordersOf(app, shopper(app));

    // Assess
    expect(dataOf(response).orders).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  test('lists the order just placed first, in full, straight after checkout', async () => {
    // Prepare
    const buyer = shopper(app);
    await placeOrders(buyer, 2);
    const product = await freshProduct(app, 'latest', { price: 1234 });
    await fillCart(app, buyer, [[product, 3]]);

    // Act
    const placed = await checkoutOk(app, buyer);
    const { orders } = dataOf(await ordersOf(app, buyer));

    // Assess
    expect(orders.nodes).toHaveLength(3);
    expect(orders.nodes[0]).toEqual(placed);
    expect(orders.edges[0]?.node.id).toBe(placed.id);
  });

  test('lists orders newest first across pages, each order exactly once', async () => {
    // Prepare
    const buyer = shopper(app);
    const oldestFirst = await placeOrders(buyer, 5);

    // Act
    const first = dataOf(await ordersOf(app, buyer, 2)).orders;
    const second = dataOf(await ordersOf(app, buyer, 2, first.pageInfo.endCursor)).orders;
    const third = dataOf(await ordersOf(app, buyer, 2, second.pageInfo.endCursor)).orders;

    // Assess
    const ids = [first, second, third].flatMap((page) => page.nodes.map((order) => order.id));
    expect(ids).toEqual([...oldestFirst].reverse());
    expect([first, second, third].map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
  });

  test('another shopper never sees the order, not even with its cursor', async () => {
    // Prepare
    const buyer = shopper(app);
    const other = shopper(app, 'Other');
    await placeOrders(buyer, 2);
    const cursor = dataOf(await ordersOf(app, buyer, 1)).orders.pageInfo.endCursor;

    // Act
    const own = dataOf(await ordersOf(app, other)).orders;
    const withCursor = dataOf(await ordersOf(app, other, 10, cursor)).orders;

    // Assess
    expect(own.nodes).toEqual([]);
    expect(withCursor.nodes).toEqual([]);
  });

  test.each([0, 101, -1])('first %i is refused with BAD_USER_INPUT', async (first) => {
    // Act
    const response = await ordersOf(app, shopper(app), first);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  test.each([
    ['garbage', 'not-a-cursor'],
    [
      'a product cursor',
      Buffer.from(JSON.stringify({ c: 'product', k: { sortName: 'a', id: 'a' } })).toString('base64url'),
    ],
  ])('a cursor that is %s is refused with BAD_USER_INPUT', async (_what, after) => {
    // Act
    const response = await ordersOf(app, shopper(app), 10, after);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  test('an anonymous caller is refused with UNAUTHENTICATED', async () => {
    // Act
    const response = await app.graphql({ query: '{ orders { nodes { id } } }' });

    // Assess
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeNull();
  });
});
