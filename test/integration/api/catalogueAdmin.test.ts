import { freshProduct, shopper, staffMember, useTestApp } from '../../support/fixtures';
import {
  ADJUST_STOCK,
  ARCHIVE_PRODUCT,
  as,
  CREATE_PRODUCT,
  listedIds,
  productAs,
  PRODUCTS_QUERY,
  UNARCHIVE_PRODUCT,
  UPDATE_PRODUCT,
  type CreateProductData,
} from '../../support/catalogue';
import type { GraphQLRequest } from '../../support/events';
import { dataOf, errorCodes, uniqueId } from '../../support/storeApi';

const app = useTestApp();

/** The products a refused staff operation would have changed: one live, one archived. */
interface Targets {
  live: string;
  archived: string;
}

const STAFF_OPERATIONS: Array<{ operation: string; request: (targets: Targets) => GraphQLRequest }> = [
  {
    operation: 'createProduct',
    request: () => ({
      query: CREATE_PRODUCT,
      variables: { input: { id: uniqueId('refused'), name: 'Refused', code: 'R-1', price: 100 } },
    }),
  },
  {
    operation: 'updateProduct',
    request: ({ live }) => ({ query: UPDATE_PRODUCT, variables: { id: live, input: { price: 1 } } }),
  },
  {
    operation: 'adjustStock',
    request: ({ live }) => ({ query: ADJUST_STOCK, variables: { productId: live, delta: -1 } }),
  },
  {
    operation: 'archiveProduct',
    request: ({ live }) => ({ query: ARCHIVE_PRODUCT, variables: { id: live } }),
  },
  {
    operation: 'unarchiveProduct',
    request: ({ archived }) => ({ query: UNARCHIVE_PRODUCT, variables: { id: archived } }),
  },
  {
    operation: 'products(includeArchived: true)',
    request: () => ({ query: PRODUCTS_QUERY, variables: { includeArchived: true } }),
  },
];

const REFUSALS = STAFF_OPERATIONS.flatMap((row) => [
  { ...row, caller: 'an anonymous caller', signedIn: false, code: 'UNAUTHENTICATED' },
  { ...row, caller: 'a shopper', signedIn: true, code: 'FORBIDDEN' },
]);

/** A valid createProduct input with a fresh id; `fields` override it. */
function newProductInput(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: uniqueId('new'), name: 'New Product', code: 'NP-1', price: 100, ...fields };
}

function createProduct(input: Record<string, unknown>, token: string) {
  return app.graphql<CreateProductData>({ query: CREATE_PRODUCT, variables: { input } }, { token });
}

describe('staff operations refuse everyone else', () => {
  test.each(REFUSALS)(
    '$operation by $caller is $code and writes nothing',
    async ({ request, signedIn, code }) => {
      // Prepare
      const live = (await freshProduct(app, 'guarded', { stock: 10 })).id;
      const archived = (await freshProduct(app, 'guarded', { archived: true })).id;
      const token = signedIn ? shopper(app).token : undefined;
      const before = await app.snapshot();

      // Act
      const response = await app.graphql(request({ live, archived }), as(token));

      // Assess
      expect(errorCodes(response)).toEqual([code]);
      expect(response.body.data).toBeNull();
      expect(await app.snapshot()).toEqual(before);
    },
  );
});

describe('createProduct', () => {
  test('creates a product with every field, trimmed, which shoppers then see by id and in the listing', async () => {
    // Prepare
    const staff = staffMember(app);
    const buyer = shopper(app);
    const id = uniqueId('orbit-lamp');

    // Act
    const response = await createProduct(
      {
        id,
        name: '  Orbit Lamp ',
        description: ' A lamp that circles the room. ',
        image: 'https://images.example.com/orbit-lamp.png',
        code: ' OL-1 ',
        price: 4599,
        stock: 7,
      },
      staff.token,
    );

    // Assess
    const expected = {
      id,
      name: 'Orbit Lamp',
      description: 'A lamp that circles the room.',
      image: 'https://images.example.com/orbit-lamp.png',
      code: 'OL-1',
      price: 4599,
      stock: 7,
      archived: false,
    };
    expect(dataOf(response).createProduct).toEqual(expected);
    expect(await productAs(app, id)).toEqual(expected);
    expect(await productAs(app, id, buyer.token)).toEqual(expected);
    expect(await listedIds(app)).toContain(id);
    expect(await listedIds(app, buyer.token)).toContain(id);
  });

  test('without an id, the id is a slug of the name; without stock, description or image, 0 and nulls', async () => {
    // Prepare
    const staff = staffMember(app);

    // Act
    const response = await createProduct(
      { name: 'Crème Brûlée Mug (XL)', code: 'CBM-XL', price: 1299 },
      staff.token,
    );

    // Assess
    expect(dataOf(response).createProduct).toEqual({
      id: 'creme-brulee-mug-xl',
      name: 'Crème Brûlée Mug (XL)',
      description: null,
      image: null,
      code: 'CBM-XL',
      price: 1299,
      stock: 0,
      archived: false,
    });
    expect((await productAs(app, 'creme-brulee-mug-xl'))?.name).toBe('Crème Brûlée Mug (XL)');
  });

  test('accepts the bounds: 200-character name, 100-character id, 5000-character description, the largest Int price, a root path image', async () => {
    // Prepare
    const staff = staffMember(app);
    const input = newProductInput({
      id: `bounds-${'b'.repeat(93)}`,
      name: 'N'.repeat(200),
      description: 'd'.repeat(5000),
      image: '/images/bounds.png',
      code: 'C'.repeat(64),
      price: 2147483647,
      stock: 2147483647,
    });

    // Act
    const response = await createProduct(input, staff.token);

    // Assess
    expect(dataOf(response).createProduct).toEqual({ ...input, archived: false });
  });

  test('a 200-character name that Unicode folding lengthens (㍿ → 株式会社) is created and listed', async () => {
    // Prepare: 600 bytes as given, 2400 once folded for the name-ordered listing's sort key.
    const staff = staffMember(app);
    const input = newProductInput({ name: '\u337F'.repeat(200) });

    // Act
    const response = await createProduct(input, staff.token);

    // Assess
    expect(errorCodes(response)).toEqual([]);
    expect(dataOf(response).createProduct).toMatchObject({ id: input.id, name: input.name });
    expect(await listedIds(app)).toContain(input.id);
  });

  test.each([
    { label: 'an explicit id', input: (taken: string) => ({ id: taken }) },
    {
      label: 'an id made from the name',
      input: (taken: string) => ({ id: null, name: taken.replace('-', ' ') }),
    },
  ])('$label already taken is CONFLICT and changes nothing', async ({ input }) => {
    // Prepare
    const staff = staffMember(app);
    const taken = await freshProduct(app, 'taken', { name: 'Original', price: 500 });
    const before = await app.snapshot();

    // Act
    const response = await createProduct(newProductInput(input(taken.id)), staff.token);

    // Assess
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field: 'id', id: taken.id });
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    { label: 'a blank name', fields: { name: '   ' }, field: 'name' },
    { label: 'a 201-character name', fields: { name: 'n'.repeat(201) }, field: 'name' },
    { label: 'an empty code', fields: { code: '' }, field: 'code' },
    { label: 'a 65-character code', fields: { code: 'c'.repeat(65) }, field: 'code' },
    { label: 'a negative price', fields: { price: -1 }, field: 'price' },
    { label: 'a negative stock', fields: { stock: -1 }, field: 'stock' },
    { label: 'an id with capitals and spaces', fields: { id: 'Orbit Lamp' }, field: 'id' },
    { label: 'an id with a double dash', fields: { id: 'orbit--lamp' }, field: 'id' },
    { label: 'an id of 101 characters', fields: { id: 'a'.repeat(101) }, field: 'id' },
    { label: 'a javascript: image', fields: { image: 'javascript:alert(1)' }, field: 'image' },
    { label: 'a protocol-relative image', fields: { image: '//evil.example.com/x.png' }, field: 'image' },
    {
      label: 'a 5001-character description',
      fields: { description: 'd'.repeat(5001) },
      field: 'description',
    },
    { label: 'a name with nothing to make an id from', fields: { id: null, name: '¿?!' }, field: 'id' },
  ])('$label is BAD_USER_INPUT naming $field, and writes nothing', async ({ fields, field }) => {
    // Prepare
    const staff = staffMember(app);
    const before = await app.snapshot();

    // Act
    const response = await createProduct(newProductInput(fields), staff.token);

    // Assess
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ field });
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test('a price over 2147483647 is refused by GraphQL itself as a bad variable (400), and writes nothing', async () => {
    // Prepare
    const staff = staffMember(app);
    const before = await app.snapshot();

    // Act
    const response = await createProduct(newProductInput({ price: 2147483648 }), staff.token);

    // Assess
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.data).toBeUndefined();
    expect(await app.snapshot()).toEqual(before);
  });
});
