import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { checkout } from '../../../src/domain/checkout';
import type { ProductRecord } from '../../../src/datasources/models';
import { freshProduct, freshProducts, shopper, useTestApp } from '../../support/fixtures';
import { checkoutOk, checkoutRequest, fillCart, newKey, stockOf, storeContext } from '../../support/orders';
import { errorCodes } from '../../support/storeApi';

const app = useTestApp({ promotions: { WELCOME10: 10 } });

/** A shopper whose cart holds 2 of `first` (stock 10) and 3 of `second` (stock 10). */
async function prepare() {
  const buyer = shopper(app);
  const { first, second } = await freshProducts(app, {
    first: { name: 'First', stock: 10 },
    second: { name: 'Second', stock: 10 },
  });
  await fillCart(app, buyer, [
    [first, 2],
    [second, 3],
  ]);
  return { buyer, first, second };
}

/** The cart reserves nothing: stock may drop below a line after it was added. */
async function setStock(product: ProductRecord, stock: number): Promise<void> {
  await app.putProduct({ ...product, stock });
}

describe('checkout against the stock', () => {
  test('a two-line cart whose second line is short is OUT_OF_STOCK naming it, and writes nothing', async () => {
    // Prepare
    const { buyer, second } = await prepare();
    await setStock(second, 2);
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['OUT_OF_STOCK']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ productIds: [second.id] });
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test('names every short line at once', async () => {
    // Prepare
    const { buyer, first, second } = await prepare();
    await setStock(first, 1);
    await setStock(second, 0);

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['OUT_OF_STOCK']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ productIds: [first.id, second.id] });
  });

  test('sells the last units: a line equal to the stock leaves it at zero', async () => {
    // Prepare
    const { buyer, first, second } = await prepare();
    await setStock(first, 2);
    await setStock(second, 3);

    // Act
    await checkoutOk(app, buyer);

    // Assess
    expect(await stockOf(app, first, second)).toEqual([0, 0]);
  });

  test('the transaction is the real guard: stock gone after the read still writes nothing', async () => {
    // Prepare: the first read sees the old, ample stock; the stock drops before the write.
    const { buyer, first, second } = await prepare();
    const ctx = storeContext(app, buyer);
    const read = ctx.products.getLatestByIds.bind(ctx.products);
    const reads = jest.spyOn(ctx.products, 'getLatestByIds').mockImplementationOnce(async (ids) => {
      const seen = await read(ids);
      await setStock(second, 2);
      return seen;
    });
    const place = jest.spyOn(ctx.orders, 'place');
    const before = await app.snapshot();

    // Act
    const outcome = checkout(ctx, buyer.userId, newKey());

    // Assess
    await expect(outcome).rejects.toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { productIds: [second.id] },
    });
    expect(place).toHaveBeenCalledTimes(1);
    await expect(place.mock.results[0]?.value).resolves.toEqual({
      outcome: 'productsChanged',
      productIds: [second.id],
    });
    expect(reads).toHaveBeenCalledTimes(2);
    const after = await app.snapshot();
    expect(after.orders).toEqual(before.orders);
    expect(after.carts).toEqual(before.carts);
    expect(await stockOf(app, first, second)).toEqual([10, 2]);
  });

  test('a price change between the read and the write is noticed: the order charges the new price', async () => {
    // Prepare
    const { buyer, first } = await prepare();
    const ctx = storeContext(app, buyer);
    const read = ctx.products.getLatestByIds.bind(ctx.products);
    jest.spyOn(ctx.products, 'getLatestByIds').mockImplementationOnce(async (ids) => {
      const seen = await read(ids);
      await app.putProduct({ ...first, price: 1250 });
      return seen;
    });

    // Act
    const order = await checkout(ctx, buyer.userId, newKey());

    // Assess
    expect(order.items[0]).toMatchObject({ productId: first.id, price: 1250, lineTotal: 2500 });
    expect(order.subtotal).toBe(2500 + 3 * 1000);
  });
});

describe('checkout of a large cart', () => {
  /** A cart with one unit of each of `lines` fresh products, and `promotionCode` if given. */
  async function cartOf(lines: number, promotionCode?: string) {
    const buyer = shopper(app);
    const products = await Promise.all(
      Array.from({ length: lines }, (_unused, index) => freshProduct(app, `l${index}`)),
    );
    await fillCart(
      app,
      buyer,
      products.map((product) => [product, 1] as const),
      promotionCode,
    );
    return { buyer, products };
  }

  test('buys 97 different products with a promotion code in one transaction (the limit: 100 items minus the order, the cart and the code’s use)', async () => {
    // Prepare
    const { buyer, products } = await cartOf(97, 'WELCOME10');
    const [promotionBefore] = await app.scan('promotions');

    // Act
    const order = await checkoutOk(app, buyer);

    // Assess
    expect(order.items).toHaveLength(97);
    expect(order.promotionCode).toBe('WELCOME10');
    expect(new Set(await stockOf(app, ...products))).toEqual(new Set([49]));
    expect(promotionBefore).toMatchObject({ code: 'WELCOME10', timesUsed: 0 });
    expect(await app.scan('promotions')).toEqual([{ ...promotionBefore, timesUsed: 1 }]);
  });

  test('refuses a stored cart of 98 different products with BAD_USER_INPUT and writes nothing', async () => {
    // Prepare: the API refuses to build such a cart, so it is written directly, as a cart written
    // outside the API would be.
    const { buyer, products } = await cartOf(97);
    const extra = await freshProduct(app, 'l97');
    const lines = [...products, extra].map((product) => ({ productId: product.id, quantity: 1 }));
    await app.db.send(
      new UpdateCommand({
        TableName: app.tables.carts,
        Key: { userId: buyer.userId },
        UpdateExpression: 'SET #items = :items',
        ExpressionAttributeNames: { '#items': 'items' },
        ExpressionAttributeValues: { ':items': lines },
      }),
    );
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await app.snapshot()).toEqual(before);
  });
});
