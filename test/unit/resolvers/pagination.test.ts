import { encodeCursor } from '../../../src/datasources/pagedQuery';
import { createApolloServer } from '../../../src/graphql/server';
import { execute, product, stubContext, stubStores } from '../../support/stubContext';

const server = createApolloServer({ production: false, enableSandbox: false });

afterAll(() => server.stop());

const catalogue = [
  product({ id: 'a', name: 'Alpha' }),
  product({ id: 'b', name: 'Bravo' }),
  product({ id: 'c', name: 'Charlie' }),
];

describe('products(first:)', () => {
  test.each([0, -1, 101, 1000])('refuses first = %i with BAD_USER_INPUT before reading', async (first) => {
    // Prepare
    const stores = stubStores({ products: catalogue });

    // Act
    const result = await execute(
      server,
      stubContext(stores),
      'query ($first: Int) { products(first: $first) { nodes { id } } }',
      {
        first,
      },
    );

    // Assess: refused before the document runs, so no field is resolved at all.
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      { message: 'first must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } },
    ]);
    expect(stores.products.list).not.toHaveBeenCalled();
  });

  test.each([1, 100])('accepts first = %i and passes it to the store', async (first) => {
    // Prepare
    const stores = stubStores({ products: catalogue });

    // Act
    const result = await execute(
      server,
      stubContext(stores),
      `{ products(first: ${first}) { nodes { id } } }`,
    );

    // Assess
    expect(result.errors).toBeUndefined();
    expect(stores.products.browse).toHaveBeenCalledWith({ sort: 'NAME' }, { first, after: null });
  });

  test('uses 20 when first is omitted', async () => {
    // Prepare
    const stores = stubStores({ products: catalogue });

    // Act
    await execute(server, stubContext(stores), '{ products { nodes { id } } }');

    // Assess
    expect(stores.products.browse).toHaveBeenCalledWith({ sort: 'NAME' }, { first: 20, after: null });
  });

  test('builds the connection from the page: nodes, edges and pageInfo agree', async () => {
    // Prepare
    const stores = stubStores({ products: catalogue });

    // Act
    const result = await execute(
      server,
      stubContext(stores),
      '{ products(first: 2) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } }',
    );

    // Assess
    const bravoCursor = encodeCursor('product', { name: 'Bravo', id: 'b' });
    expect(result.data).toEqual({
      products: {
        edges: [
          { cursor: encodeCursor('product', { name: 'Alpha', id: 'a' }), node: { id: 'a' } },
          { cursor: bravoCursor, node: { id: 'b' } },
        ],
        nodes: [{ id: 'a' }, { id: 'b' }],
        pageInfo: { hasNextPage: true, endCursor: bravoCursor },
      },
    });
  });

  test('turns a cursor this API never issued into BAD_USER_INPUT on the after argument', async () => {
    // Prepare
    const stores = stubStores({ products: catalogue });

    // Act
    const result = await execute(
      server,
      stubContext(stores),
      '{ products(first: 2, after: "garbage") { nodes { id } } }',
    );

    // Assess
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toBe('The cursor is not one this API issued');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('Product.comments(first:)', () => {
  test.each([0, 101])('refuses first = %i with BAD_USER_INPUT before reading anything', async (first) => {
    // Prepare
    const stores = stubStores({ products: catalogue });

    // Act
    const result = await execute(
      server,
      stubContext(stores),
      `{ product(id: "a") { id comments(first: ${first}) { nodes { id } } } }`,
    );

    // Assess
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      { message: 'first must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } },
    ]);
    expect(stores.products.getById).not.toHaveBeenCalled();
    expect(stores.comments.listForProduct).not.toHaveBeenCalled();
  });
});
