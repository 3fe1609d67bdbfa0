import type { ProductRecord } from '../../../src/datasources/models';
import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import {
  ARCHIVE_PRODUCT,
  cartOf,
  listedIds,
  productAs,
  UNARCHIVE_PRODUCT,
  viewOf,
  type ArchiveProductData,
  type UnarchiveProductData,
} from '../../support/catalogue';
import type { GraphQLRequest } from '../../support/events';
import { checkoutOk, checkoutRequest, fillCart, newKey, stockOf, storedOrders } from '../../support/orders';
import {
  ADD_TO_CART,
  addToCartOk,
  cartLines,
  dataOf,
  errorCodes,
  REMOVE_FROM_CART,
  SAVE_CART,
  UPDATE_CART_ITEM,
  uniqueId,
  type RemoveFromCartData,
} from '../../support/storeApi';

const app = useTestApp();

function archive(id: string, token = staffMember(app).token) {
  return app.graphql<ArchiveProductData>({ query: ARCHIVE_PRODUCT, variables: { id } }, { token });
}

function unarchive(id: string, token = staffMember(app).token) {
  return app.graphql<UnarchiveProductData>({ query: UNARCHIVE_PRODUCT, variables: { id } }, { token });
}

/** Where the product shows: [anonymous, shopper, staff] for product(id) and for the listings. */
async function visibility(product: ProductRecord, buyer: Shopper, staff: Shopper) {
  return {
    byId: [
      await productAs(app, product.id),
      await productAs(app, product.id, buyer.token),
      await productAs(app, product.id, staff.token),
    ],
    listed: [
      (await listedIds(app)).includes(product.id),
      (await listedIds(app, buyer.token)).includes(product.id),
      (await listedIds(app, staff.token)).includes(product.id),
      (await listedIds(app, staff.token, true)).includes(product.id),
    ],
  };
}

describe('archiveProduct and unarchiveProduct', () => {
  test('archiving hides the product from anonymous callers and shoppers, and keeps it for staff, flagged archived', async () => {
    // Prepare
    const product = await freshProduct(app, 'archived');
    const [buyer, staff] = [shopper(app), staffMember(app)];

    // Act
    const response = await archive(product.id, staff.token);

    // Assess
    const archived = { ...viewOf(product), archived: true };
    expect(dataOf(response).archiveProduct).toEqual(archived);
    expect(await visibility(product, buyer, staff)).toEqual({
      byId: [null, null, archived],
      // Staff see it in the listing only when they ask for archived products.
      listed: [false, false, false, true],
    });
  });

  test('unarchiving puts the product back everywhere, a cart line holding it included', async () => {
    // Prepare
    const product = await freshProduct(app, 'restored', { price: 700 });
    const [buyer, staff] = [shopper(app), staffMember(app)];
    await addToCartOk(app, buyer.token, product.id, 2);
    dataOf(await archive(product.id, staff.token));

    // Act
    const response = await unarchive(product.id, staff.token);

    // Assess
    const live = viewOf(product);
    expect(dataOf(response).unarchiveProduct).toEqual(live);
    expect(await visibility(product, buyer, staff)).toEqual({
      byId: [live, live, live],
      listed: [true, true, true, true],
    });
    const cart = await cartOf(app, buyer.token);
    expect(cartLines(cart)).toEqual([[product.id, 2]]);
    expect(cart).toMatchObject({ subtotal: 1400, itemCount: 2 });
  });

  test.each([
    { label: 'archiving an archived product', archived: true, send: archive },
    { label: 'unarchiving a live product', archived: false, send: unarchive },
  ])('$label returns it unchanged and writes nothing', async ({ archived, send }) => {
    // Prepare
    const product = { ...(await freshProduct(app, 'settled')), archived };
    if (archived) dataOf(await archive(product.id));
    const before = await app.snapshot();

    // Act
    const response = await send(product.id);

    // Assess
    expect(errorCodes(response)).toEqual([]);
    expect(Object.values(response.body.data ?? {})).toEqual([viewOf(product)]);
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    { label: 'archiveProduct', send: archive },
    { label: 'unarchiveProduct', send: unarchive },
  ])('$label of an unknown id is NOT_FOUND and writes nothing', async ({ send }) => {
    // Prepare
    const before = await app.snapshot();

    // Act
    const response = await send(uniqueId('missing'));

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('shoppers and an archived product', () => {
  test.each([
    {
      operation: 'addToCart',
      request: (productId: string) => ({ query: ADD_TO_CART, variables: { productId } }),
    },
    {
      operation: 'updateCartItem',
      request: (productId: string) => ({ query: UPDATE_CART_ITEM, variables: { productId, quantity: 1 } }),
    },
    {
      operation: 'saveCart',
      request: (productId: string) => ({
        query: SAVE_CART,
        variables: { input: { items: [{ productId, quantity: 1 }] } },
      }),
    },
  ])(
    '$operation of an archived product is NOT_FOUND and writes nothing',
    async ({ request }: { request: (productId: string) => GraphQLRequest }) => {
      // Prepare
      const product = await freshProduct(app, 'unbuyable', { archived: true });
      const buyer = shopper(app);
      const before = await app.snapshot();

      // Act
      const response = await app.graphql(request(product.id), { token: buyer.token });

      // Assess
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(await app.snapshot()).toEqual(before);
    },
  );

  test('a cart holding the product before it was archived leaves its line out of the items and the totals', async () => {
    // Prepare
    const kept = await freshProduct(app, 'kept', { price: 1000 });
    const gone = await freshProduct(app, 'gone', { price: 500 });
    const buyer = shopper(app);
    await fillCart(app, buyer, [
      [kept, 1],
      [gone, 2],
    ]);

    // Act
    dataOf(await archive(gone.id));

    // Assess
    const cart = await cartOf(app, buyer.token);
    expect(cartLines(cart)).toEqual([[kept.id, 1]]);
    expect(cart).toMatchObject({ subtotal: 1000, discount: 0, total: 1000, itemCount: 1 });
  });

  test('the shopper can still remove the archived line from the cart', async () => {
    // Prepare
    const gone = await freshProduct(app, 'gone');
    const buyer = shopper(app);
    await addToCartOk(app, buyer.token, gone.id, 1);
    dataOf(await archive(gone.id));

    // Act
    const response = await app.graphql<RemoveFromCartData>(
      { query: REMOVE_FROM_CART, variables: { productId: gone.id } },
      { token: buyer.token },
    );

    // Assess
    expect(cartLines(dataOf(response).removeFromCart)).toEqual([]);
    // Removed, not merely hidden: once unarchived, the product does not come back into the cart.
    dataOf(await unarchive(gone.id));
    expect(cartLines(await cartOf(app, buyer.token))).toEqual([]);
  });

  test('checkout of that cart places an order without the archived line and leaves its stock alone', async () => {
    // Prepare
    const kept = await freshProduct(app, 'kept', { price: 1000, stock: 10 });
    const gone = await freshProduct(app, 'gone', { price: 500, stock: 10 });
    const buyer = shopper(app);
    await fillCart(app, buyer, [
      [kept, 1],
      [gone, 2],
    ]);
    dataOf(await archive(gone.id));

    // Act
    const order = await checkoutOk(app, buyer);

    // Assess
    expect(order.items.map((item) => [item.productId, item.quantity])).toEqual([[kept.id, 1]]);
    expect(order).toMatchObject({ subtotal: 1000, total: 1000, itemCount: 1 });
    expect(await stockOf(app, kept, gone)).toEqual([9, 10]);
    expect(cartLines(await cartOf(app, buyer.token))).toEqual([]);
  });

  test('checkout of a cart whose only line was archived is BAD_USER_INPUT and writes nothing', async () => {
    // Prepare
    const gone = await freshProduct(app, 'gone', { stock: 10 });
    const buyer = shopper(app);
    await fillCart(app, buyer, [[gone, 1]]);
    dataOf(await archive(gone.id));
    const before = await app.snapshot();

    // Act
    const response = await checkoutRequest(app, buyer, newKey());

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'None of the products in the cart are sold any more',
      extensions: { field: 'cart' },
    });
    expect(await app.snapshot()).toEqual(before);
    expect(await storedOrders(app, buyer.userId)).toEqual([]);
  });

  test('addComment on an archived product is NOT_FOUND and writes nothing', async () => {
    // Prepare
    const product = await freshProduct(app, 'silenced', { archived: true });
    const buyer = shopper(app);
    const before = await app.snapshot();

    // Act
    const response = await app.graphql(
      {
        query: `mutation Comment($productId: ID!) {
          addComment(productId: $productId, text: "Still for sale?", rating: 5) { id }
        }`,
        variables: { productId: product.id },
      },
      { token: buyer.token },
    );

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });
});
