import { freshProduct, shopper, staffMember, useTestApp } from '../../support/fixtures';
import {
  cartOf,
  listedIds,
  productAs,
  storedProduct,
  UPDATE_PRODUCT,
  viewOf,
  type UpdateProductData,
} from '../../support/catalogue';
import { checkoutOk, fillCart, ordersOf } from '../../support/orders';
import { addToCartOk, dataOf, errorCodes, uniqueId } from '../../support/storeApi';

const app = useTestApp();

function updateProduct(id: string, input: Record<string, unknown>, token = staffMember(app).token) {
  return app.graphql<UpdateProductData>({ query: UPDATE_PRODUCT, variables: { id, input } }, { token });
}

describe('updateProduct', () => {
  test("a new price prices a shopper's cart at once, while an order placed before keeps the price it was bought at", async () => {
    // Prepare: one order bought at 1000, then one more unit in the cart at 1000.
    const buyer = shopper(app);
    const product = await freshProduct(app, 'repriced', { price: 1000, stock: 10 });
    await fillCart(app, buyer, [[product, 2]]);
    const order = await checkoutOk(app, buyer);
    await addToCartOk(app, buyer.token, product.id, 1);
    const cartBefore = await cartOf(app, buyer.token);

    // Act
    const response = await updateProduct(product.id, { price: 1500 });

    // Assess
    expect(dataOf(response).updateProduct).toEqual({ ...viewOf(product), price: 1500, stock: 8 });
    expect(cartBefore).toMatchObject({ subtotal: 1000, total: 1000 });
    const cartAfter = await cartOf(app, buyer.token);
    expect(cartAfter.items).toEqual([expect.objectContaining({ price: 1500, quantity: 1, lineTotal: 1500 })]);
    expect(cartAfter).toMatchObject({ subtotal: 1500, total: 1500, itemCount: 1 });
    const orders = dataOf(await ordersOf(app, buyer)).orders.nodes;
    expect(orders).toEqual([order]);
    expect(orders[0]?.items).toEqual([
      { productId: product.id, name: product.name, price: 1000, quantity: 2, lineTotal: 2000 },
    ]);
  });

  test('changes the fields given, trimmed, and keeps the others', async () => {
    // Prepare
    const product = await freshProduct(app, 'edited', {
      name: 'Old Name',
      description: 'Old text',
      image: '/old.png',
      code: 'OLD-1',
      price: 700,
      stock: 4,
    });

    // Act
    const response = await updateProduct(product.id, {
      name: ' New Name ',
      code: 'NEW-1',
      image: '/new.png',
    });

    // Assess
    const expected = { ...viewOf(product), name: 'New Name', code: 'NEW-1', image: '/new.png' };
    expect(dataOf(response).updateProduct).toEqual(expected);
    expect(await productAs(app, product.id)).toEqual(expected);
  });

  test('null clears the description and the image', async () => {
    // Prepare
    const product = await freshProduct(app, 'cleared', {
      description: 'Soon gone',
      image: 'https://images.example.com/gone.png',
    });

    // Act
    const response = await updateProduct(product.id, { description: null, image: null });

    // Assess
    const expected = { ...viewOf(product), description: null, image: null };
    expect(dataOf(response).updateProduct).toEqual(expected);
    expect(await productAs(app, product.id)).toEqual(expected);
    const stored = await storedProduct(app, product.id);
    expect(stored).not.toHaveProperty('description');
    expect(stored).not.toHaveProperty('image');
  });

  test.each(['name', 'code', 'price'])(
    'null %s is BAD_USER_INPUT naming it, and writes nothing',
    async (field) => {
      // Prepare
      const product = await freshProduct(app, 'kept');
      const before = await app.snapshot();

      // Act
      const response = await updateProduct(product.id, { [field]: null });

      // Assess
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ field });
      expect(response.body.data).toBeNull();
      expect(await app.snapshot()).toEqual(before);
    },
  );

  test.each([
    { label: 'a blank name', input: { name: ' ' }, field: 'name' },
    { label: 'a negative price', input: { price: -5 }, field: 'price' },
    { label: 'a data: image', input: { image: 'data:text/html,<script>alert(1)</script>' }, field: 'image' },
    { label: 'a 5001-character description', input: { description: 'd'.repeat(5001) }, field: 'description' },
    {
      label: 'a good price with a 65-character code',
      input: { price: 1, code: 'c'.repeat(65) },
      field: 'code',
    },
  ])('$label is BAD_USER_INPUT naming $field, and writes nothing', async ({ input, field }) => {
    // Prepare
    const product = await freshProduct(app, 'kept');
    const before = await app.snapshot();

    // Act
    const response = await updateProduct(product.id, input);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field });
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    { label: 'a change', input: { price: 5 } },
    { label: 'an empty input', input: {} },
  ])('$label to an unknown id is NOT_FOUND and writes nothing', async ({ input }) => {
    // Prepare
    const before = await app.snapshot();

    // Act
    const response = await updateProduct(uniqueId('missing'), input);

    // Assess
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'id' });
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test('a rename moves the product to its new place in the name-ordered listing', async () => {
    // Prepare: "a…" before "m…"; renamed "z…" it follows "m…". Case is ignored in the ordering.
    const tag = uniqueId('rename');
    const moved = await freshProduct(app, 'moved', { name: `Rename ${tag} a` });
    const middle = await freshProduct(app, 'middle', { name: `rename ${tag} m` });
    const order = (ids: string[]) => ids.filter((id) => id === moved.id || id === middle.id);
    const before = order(await listedIds(app));

    // Act
    const response = await updateProduct(moved.id, { name: `RENAME ${tag} Z` });

    // Assess
    expect(errorCodes(response)).toEqual([]);
    expect(before).toEqual([moved.id, middle.id]);
    expect(order(await listedIds(app))).toEqual([middle.id, moved.id]);
  });

  test('a rename to a 200-character name that Unicode folding lengthens (㍿ → 株式会社) applies and is listed', async () => {
    // Prepare: 600 bytes as given, 2400 once folded for the name-ordered listing's sort key.
    const product = await freshProduct(app, 'lengthened');

    // Act
    const response = await updateProduct(product.id, { name: '\u337F'.repeat(200) });

    // Assess
    expect(errorCodes(response)).toEqual([]);
    expect(dataOf(response).updateProduct.name).toBe('\u337F'.repeat(200));
    expect(await listedIds(app)).toContain(product.id);
  });

  test('an empty input returns the product unchanged and writes nothing', async () => {
    // Prepare
    const product = await freshProduct(app, 'untouched', { description: 'Still here', price: 1234 });
    const before = await app.snapshot();

    // Act
    const response = await updateProduct(product.id, {});

    // Assess
    expect(dataOf(response).updateProduct).toEqual(viewOf(product));
    expect(await app.snapshot()).toEqual(before);
  });

  test('an archived product can be edited and stays archived, hidden from shoppers', async () => {
    // Prepare
    const product = await freshProduct(app, 'shelved', { archived: true, price: 800 });
    const staff = staffMember(app);

    // Act
    const response = await updateProduct(product.id, { price: 900 }, staff.token);

    // Assess
    expect(dataOf(response).updateProduct).toEqual({ ...viewOf(product), price: 900, archived: true });
    expect(await productAs(app, product.id)).toBeNull();
    expect(await productAs(app, product.id, staff.token)).toMatchObject({ price: 900, archived: true });
  });
});
