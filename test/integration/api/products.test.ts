import type { ProductRecord } from '../../../src/datasources/models';
import { costExtensions } from '../../support/cost';
import { useTestApp } from '../../support/fixtures';
import { dataOf, errorCodes } from '../../support/storeApi';
import { createTestApp } from '../../support/testApp';

interface PageInfoView {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface ProductSummary {
  id: string;
  name: string;
}
interface ProductsData {
  products: {
    edges: Array<{ cursor: string; node: ProductSummary }>;
    nodes: ProductSummary[];
    pageInfo: PageInfoView;
  };
}
interface ProductView {
  id: string;
  name: string;
  description: string | null;
  image: string | null;
  code: string;
  price: number;
  stock: number;
  isSelected: boolean;
  commentCount: number;
  rating: number | null;
}
interface ProductData {
  product: ProductView | null;
}
interface CommentCursorData {
  product: { comments: { pageInfo: PageInfoView } };
}

const PRODUCTS = `query Products($first: Int, $after: String) {
  products(first: $first, after: $after) {
    edges { cursor node { id name } }
    nodes { id name }
    pageInfo { hasNextPage endCursor }
  }
}`;
const PRODUCT = `query Product($id: ID!) {
  product(id: $id) { id name description image code price stock isSelected commentCount rating }
}`;

// Inserted out of name order, with ids that sort differently from names, and one tied name, so
// only a listing that really orders by name (and pages by name and id) passes.
const CATALOGUE: Array<Pick<ProductRecord, 'id' | 'name'>> = [
  { id: 'p-1', name: 'Orbit Lamp' },
  { id: 'p-2', name: 'Amber Vase' },
  { id: 'p-3', name: 'Kite Frame' },
  { id: 'p-4', name: 'Delta Mug' },
  { id: 'p-5', name: 'Kite Frame' },
  { id: 'p-6', name: 'Brass Bell' },
  { id: 'p-7', name: 'Zinc Tray' },
];
const NAMES_IN_ORDER = CATALOGUE.map((product) => product.name).sort();

const app = useTestApp({ products: CATALOGUE });

async function listProducts(variables: Record<string, unknown>) {
  return app.graphql<ProductsData>({ query: PRODUCTS, variables });
}

describe('products', () => {
  test('lists the whole catalogue ordered by name with the default page size', async () => {
    const response = await listProducts({});

    const { products } = dataOf(response);
    expect(products.nodes.map((node) => node.name)).toEqual(NAMES_IN_ORDER);
    expect(new Set(products.nodes.map((node) => node.id))).toEqual(new Set(CATALOGUE.map((p) => p.id)));
    expect(products.pageInfo).toEqual({ hasNextPage: false, endCursor: products.edges.at(-1)?.cursor });
  });

  test('walking pages of 2 with first/after visits every product once, in name order', async () => {
    const full = dataOf(await listProducts({ first: 100 })).products.nodes;
    const visited: ProductSummary[] = [];
    const hasNext: boolean[] = [];
    let after: string | null = null;

    do {
      const { products }: ProductsData = dataOf(await listProducts({ first: 2, after }));
      expect(products.nodes).toEqual(products.edges.map((edge) => edge.node));
      expect(products.pageInfo.endCursor).toBe(products.edges.at(-1)?.cursor);
      expect(new Set(products.edges.map((edge) => edge.cursor)).size).toBe(products.edges.length);
      visited.push(...products.nodes);
      hasNext.push(products.pageInfo.hasNextPage);
      after = products.pageInfo.hasNextPage ? products.pageInfo.endCursor : null;
    } while (after !== null);

    expect(visited).toEqual(full);
    expect(visited.map((node) => node.name)).toEqual(NAMES_IN_ORDER);
    expect(hasNext).toEqual([true, true, true, false]);
  });

  test('a page exactly as large as the rest of the catalogue reports no next page', async () => {
    const first = dataOf(await listProducts({ first: 3 })).products;

    const rest = dataOf(await listProducts({ first: 4, after: first.pageInfo.endCursor })).products;

    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(rest.nodes.map((node) => node.name)).toEqual(NAMES_IN_ORDER.slice(3));
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.edges[3]?.cursor });
  });

  test('first 1 and first 100 are the accepted bounds', async () => {
    const one = dataOf(await listProducts({ first: 1 })).products;
    const hundred = dataOf(await listProducts({ first: 100 })).products;

    expect(one.nodes.map((node) => node.name)).toEqual([NAMES_IN_ORDER[0]]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(hundred.nodes).toHaveLength(CATALOGUE.length);
  });

  test.each([0, 101, -1])('first %i is refused with BAD_USER_INPUT before anything runs', async (first) => {
    const response = await listProducts({ first });

    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'first must be between 1 and 100',
      extensions: { field: 'first' },
    });
    expect(response.body.data).toBeUndefined();
  });

  test.each([
    ['garbage', 'not-a-cursor'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    [
      'well-formed JSON of the wrong shape',
      Buffer.from('{"c":"product","k":{"id":1}}').toString('base64url'),
    ],
  ])('a %s `after` cursor is refused with BAD_USER_INPUT', async (_label, after) => {
    const response = await listProducts({ first: 2, after });

    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.data).toBeNull();
  });

  test('a comment cursor used as a products cursor is refused with BAD_USER_INPUT', async () => {
    const token = app.tokenFor('cursor-author', 'Cursor Author');
    for (const text of ['first', 'second']) {
      dataOf(
        await app.graphql(
          {
            query: 'mutation C($t: String!) { addComment(productId: "p-7", text: $t) { id } }',
            variables: { t: text },
          },
          { token },
        ),
      );
    }
    const comments = dataOf(
      await app.graphql<CommentCursorData>({
        query: '{ product(id: "p-7") { comments(first: 1) { pageInfo { hasNextPage endCursor } } } }',
      }),
    ).product.comments;

    const response = await listProducts({ first: 2, after: comments.pageInfo.endCursor });

    expect(comments.pageInfo.hasNextPage).toBe(true);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('product(id:)', () => {
  test('returns every field of a known product', async () => {
    const stored = {
      id: 'detailed',
      name: 'Detailed Thing',
      description: 'A thing with every field',
      image: 'https://img.example.com/detailed.png',
      code: 'DT-001',
      price: 4250,
      stock: 12,
    };
    await app.putProduct(stored);

    const response = await app.graphql<ProductData>({ query: PRODUCT, variables: { id: 'detailed' } });

    expect(response.body).toEqual({
      data: { product: { ...stored, isSelected: false, commentCount: 0, rating: null } },
      extensions: costExtensions(),
    });
  });

  test.each([
    ['an unknown id', 'no-such-product'],
    ['an empty id', ''],
    ['a 5000-character id', 'x'.repeat(5000)],
    ['an id of 1000 four-byte characters', '😀'.repeat(1000)],
  ])('returns null without an error for %s', async (_label, id) => {
    const response = await app.graphql<ProductData>({ query: PRODUCT, variables: { id } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { product: null }, extensions: costExtensions() });
  });
});

describe('products ordering', () => {
  test('ignores case and accents, as a shopper reads names, not byte by byte', async () => {
    const ordering = await createTestApp();
    for (const [id, name] of [
      ['z', 'zebra Rug'],
      ['e', 'Éclair Tin'],
      ['a', 'apple Crate'],
      ['b', 'Banana Hook'],
    ]) {
      await ordering.putProduct({ id: `o-${id}`, name });
    }

    const response = await ordering.graphql<ProductsData>({ query: PRODUCTS, variables: { first: 10 } });

    expect(dataOf(response).products.nodes.map((node) => node.name)).toEqual([
      'apple Crate',
      'Banana Hook',
      'Éclair Tin',
      'zebra Rug',
    ]);
  });
});
