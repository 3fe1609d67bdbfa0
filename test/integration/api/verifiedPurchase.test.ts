import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OrderRecord, OrderStatus, ProductRecord } from '../../../src/datasources/models';
import { PURCHASE_HISTORY_ORDERS } from '../../../src/datasources/purchaseHistory';
import {
  freshProduct,
  freshProducts,
  shopper,
  staffMember,
  useTestApp,
  type Shopper,
} from '../../support/fixtures';
import { costOf, moderationHelpers } from '../../support/moderation';
import { cancelOk, shipOk } from '../../support/orderLifecycle';
import { checkoutOk, fillCart } from '../../support/orders';
import { dataOf } from '../../support/storeApi';

/**
 * Comment.verifiedPurchase: whether, as the comment was written, its author had a PLACED or SHIPPED
 * order containing the product. Decided once, at writing time.
 */
const app = useTestApp();
const { addRequest, write, moderated, pagesOf, listingPage } = moderationHelpers(app);

/** A checkout of one unit of each product by the buyer, which must succeed. */
async function bought(buyer: Shopper, ...products: ProductRecord[]) {
  await fillCart(
    app,
    buyer,
    products.map((product) => [product, 1] as const),
  );
  return checkoutOk(app, buyer);
}

/** The product's comments as listed to anyone, newest first: [text, verifiedPurchase]. */
async function listed(productId: string): Promise<Array<[string, boolean]>> {
  const page = dataOf(await listingPage('comments', productId, { first: 20 })).product?.comments;
  return (page?.edges ?? []).map(({ node }) => [node.text, node.verifiedPurchase]);
}

describe('Comment.verifiedPurchase', () => {
  test('is false for a shopper without orders, and for a purchase someone else made', async () => {
    // Prepare
    const product = await freshProduct(app, 'unbought');
    await bought(shopper(app, 'Buyer'), product);

    // Act
    const comment = await write(shopper(app, 'Browser'), product.id, 'looks nice', 4);

    // Assess
    expect(comment.verifiedPurchase).toBe(false);
    expect(await listed(product.id)).toEqual([['looks nice', false]]);
  });

  test('is true after a checkout whose order contains the product among others', async () => {
    // Prepare
    const { bird, nest } = await freshProducts(app, { bird: {}, nest: {} });
    const buyer = shopper(app, 'Buyer');
    await bought(buyer, nest, bird);

    // Act
    const comment = await write(buyer, bird.id, 'as described', 5);

    // Assess
    expect(comment).toMatchObject({ verifiedPurchase: true, hidden: false, rating: 5 });
    expect(await listed(bird.id)).toEqual([['as described', true]]);
  });

  test('is false on a product the shopper’s orders do not contain', async () => {
    const { boughtOne, other } = await freshProducts(app, { boughtOne: {}, other: {} });
    const buyer = shopper(app, 'Buyer');
    await bought(buyer, boughtOne);

    const comment = await write(buyer, other.id, 'never had it');

    expect(comment.verifiedPurchase).toBe(false);
  });

  test('after the order is cancelled, a new comment is not verified while the earlier one stays verified', async () => {
    // Prepare
    const product = await freshProduct(app, 'returned');
    const buyer = shopper(app, 'Buyer');
    const order = await bought(buyer, product);
    const before = await write(buyer, product.id, 'arrived today', 4);
    await cancelOk(app, buyer, order.id);

    // Act
    const after = await write(buyer, product.id, 'changed my mind', 2);

    // Assess
    expect([before.verifiedPurchase, after.verifiedPurchase]).toEqual([true, false]);
    expect(await listed(product.id)).toEqual([
      ['changed my mind', false],
      ['arrived today', true],
    ]);
  });

  test('is true when the order was shipped, and while another placed order still holds the product after one is cancelled', async () => {
    // Prepare
    const { shipped, twice } = await freshProducts(app, { shipped: {}, twice: {} });
    const buyer = shopper(app, 'Buyer');
    await shipOk(app, staffMember(app), (await bought(buyer, shipped)).id);
    await bought(buyer, twice);
    await cancelOk(app, buyer, (await bought(buyer, twice)).id);

    // Act
    const onShipped = await write(buyer, shipped.id, 'well packed');
    const onTwice = await write(buyer, twice.id, 'bought two');

    // Assess
    expect([onShipped.verifiedPurchase, onTwice.verifiedPurchase]).toEqual([true, true]);
  });

  test('a comment keeps the value it was written with: buying later, shipping, hiding and unhiding change nothing', async () => {
    // Prepare
    const product = await freshProduct(app, 'kept');
    const buyer = shopper(app, 'Buyer');
    const early = await write(buyer, product.id, 'thinking of buying');
    const order = await bought(buyer, product);
    const late = await write(buyer, product.id, 'bought it');
    const staff = staffMember(app);
    await shipOk(app, staff, order.id);

    // Act
    const hidden = await moderated('hideComment', late.id, staff);
    const shown = await moderated('unhideComment', late.id, staff);

    // Assess
    expect([early.verifiedPurchase, late.verifiedPurchase]).toEqual([false, true]);
    expect([hidden.verifiedPurchase, shown.verifiedPurchase]).toEqual([true, true]);
    expect(await listed(product.id)).toEqual([
      ['bought it', true],
      ['thinking of buying', false],
    ]);
    expect(await pagesOf('comments', product.id, 1)).toEqual([[late.id], [early.id]]);
  });
});

/** Past orders stored straight in the table (a history too big to build through checkout). */
async function storeOrder(buyer: Shopper, createdAt: string, productIds: string[], status: OrderStatus) {
  const name = 'Something else';
  const items = productIds.map((productId) => ({ productId, name, price: 100, quantity: 1, lineTotal: 100 }));
  const order: OrderRecord = {
    userId: buyer.userId,
    id: randomUUID(),
    items,
    discountPercentage: 0,
    subtotal: 100 * items.length,
    discount: 0,
    total: 100 * items.length,
    itemCount: items.length,
    status,
    createdAt,
    cartFingerprint: 'stored-by-test',
  };
  await app.db.send(
    new PutCommand({
      TableName: app.tables.orders,
      Item: { ...order, createdKey: `${createdAt}#${order.id}` },
    }),
  );
}

/** 95 lines of products nobody commented on: with `storeOrder`, ~185 kB an order. */
const OTHERS = Array.from({ length: 95 }, (_, index) => `other-${index}`);

/** `count` big orders of OTHERS stored for the buyer, one a day from `year`-01-01. */
/** `count` orders of other products, one a day of `year` from 1 January on. */
async function storeOrders(buyer: Shopper, year: number, count: number): Promise<void> {
  for (let day = 0; day < count; day += 1) {
    const createdAt = new Date(Date.UTC(year, 0, 1 + day)).toISOString();
    await storeOrder(buyer, createdAt, OTHERS, 'PLACED');
  }
}

describe('the order history a purchase is looked for in (its author’s newest orders)', () => {
  test.each([
    { newer: PURCHASE_HISTORY_ORDERS - 1, verified: true },
    { newer: PURCHASE_HISTORY_ORDERS, verified: false },
  ])(
    'a purchase behind $newer newer orders is verified: $verified, reading one Query of history',
    async ({ newer, verified }) => {
      // Prepare: the purchase, then `newer` orders of other products.
      const product = await freshProduct(app, 'deep');
      const buyer = shopper(app, 'Hoarder');
      await storeOrder(buyer, '2029-01-01T00:00:00.000Z', [product.id], 'SHIPPED');
      await storeOrders(buyer, 2030, newer);

      // Act
      const response = await addRequest(buyer, product.id, 'worth the wait', 5);

      // Assess: the history, the author's rating and the product's recent comments (one wave), the
      // transaction, the product shown.
      expect(dataOf(response).addComment.verifiedPurchase).toBe(verified);
      const { requested, dynamoDbCalls } = costOf(response);
      expect(dynamoDbCalls).toBe(1 + 2 + 1 + 1);
      expect(requested).toBeGreaterThanOrEqual(dynamoDbCalls);
    },
  );

  test('addComment by a shopper with many orders costs at least its DynamoDB calls', async () => {
    // Prepare: three checkouts of other products, after more stored orders than the check reads.
    const { commented, ...rest } = await freshProducts(app, { commented: {}, a: {}, b: {}, c: {} });
    const buyer = shopper(app, 'Regular');
    await storeOrders(buyer, 2020, PURCHASE_HISTORY_ORDERS + 5);
    for (const product of Object.values(rest)) await bought(buyer, product);

    // Act
    const rated = await addRequest(buyer, commented.id, 'first impressions', 3);
    const unrated = await addRequest(buyer, commented.id, 'second thoughts');

    // Assess: the history, the product's recent comments, the rating (rated only), the
    // transaction, the product shown.
    expect(costOf(rated).dynamoDbCalls).toBe(1 + 1 + 1 + 1 + 1);
    expect(costOf(unrated).dynamoDbCalls).toBe(1 + 1 + 1 + 1);
    for (const response of [rated, unrated]) {
      expect(dataOf(response).addComment.verifiedPurchase).toBe(false);
      expect(costOf(response).requested).toBeGreaterThanOrEqual(costOf(response).dynamoDbCalls);
    }
    expect(dataOf(unrated).addComment.product).toMatchObject({ commentCount: 2, rating: 3 });
  });
});
