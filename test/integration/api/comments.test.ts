import { freshProduct, useTestApp } from '../../support/fixtures';
import { commentHelpers } from '../../support/comments';
import { dataOf, errorCodes, uniqueId } from '../../support/storeApi';

interface CommentsPage {
  edges: Array<{ cursor: string; node: { text: string } }>;
  nodes: Array<{ text: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ProductCommentsData {
  product: { commentCount: number; rating: number | null; comments: CommentsPage } | null;
}

const PRODUCT_COMMENTS = `query Comments($id: ID!, $first: Int, $after: String) {
  product(id: $id) {
    commentCount rating
    comments(first: $first, after: $after) {
      edges { cursor node { text } } nodes { text } pageInfo { hasNextPage endCursor }
    }
  }
}`;

const app = useTestApp();
const { newProduct, addComment } = commentHelpers(app);

function readComments(id: string, first?: number, after?: string | null) {
  return app.graphql<ProductCommentsData>({ query: PRODUCT_COMMENTS, variables: { id, first, after } });
}

describe('addComment', () => {
  test('shows the product with the comment just added, even after reading it earlier in the request', async () => {
    // The same user rates twice: the second rating replaces the first in the average.
    const productId = await newProduct();
    const token = app.tokenFor(uniqueId('user'), 'Ada');
    const twice = `mutation Twice($productId: ID!) {
      first: addComment(productId: $productId, text: "one", rating: 4) { product { commentCount rating } }
      second: addComment(productId: $productId, text: "two", rating: 2) { product { commentCount rating } }
    }`;

    const response = await app.graphql({ query: twice, variables: { productId } }, { token });

    expect(dataOf(response)).toEqual({
      first: { product: { commentCount: 1, rating: 4 } },
      second: { product: { commentCount: 2, rating: 2 } },
    });
  });

  test('stores the trimmed text signed with the display name from the token', async () => {
    const productId = await newProduct();
    const token = app.tokenFor(uniqueId('user'), 'Ada Lovelace');
    const before = Date.now();

    const comment = dataOf(
      await addComment({ productId, text: '  \n Lovely <b>bird</b>\t ', rating: 5 }, token),
    );

    expect(comment.addComment).toEqual({
      id: expect.any(String),
      author: 'Ada Lovelace',
      text: 'Lovely <b>bird</b>',
      rating: 5,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      product: { id: productId, commentCount: 1, rating: 5 },
    });
    expect(Date.parse(comment.addComment.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    const stored = dataOf(await readComments(productId)).product;
    expect(stored?.comments.nodes).toEqual([{ text: 'Lovely <b>bird</b>' }]);
  });

  test('accepts 2000 emoji, counting characters in code points', async () => {
    const productId = await newProduct();
    const text = '😀'.repeat(2000);

    const comment = dataOf(await addComment({ productId, text }, app.tokenFor(uniqueId('user'), 'E')));

    expect(comment.addComment.text).toBe(text);
    expect(comment.addComment.rating).toBeNull();
  });

  test('accepts 2000 characters surrounded by whitespace, which trimming removes', async () => {
    const productId = await newProduct();

    const comment = dataOf(
      await addComment({ productId, text: `   ${'a'.repeat(2000)}   ` }, app.tokenFor(uniqueId('u'), 'T')),
    );

    expect(comment.addComment.text).toBe('a'.repeat(2000));
  });

  test('commentCount counts every comment and rating averages only those that gave one', async () => {
    const productId = await newProduct();
    const initial = dataOf(await readComments(productId)).product;

    for (const rating of [4, 5, null]) {
      dataOf(await addComment({ productId, text: 'ok', rating }, app.tokenFor(uniqueId('user'), 'Rater')));
    }
    const product = dataOf(await readComments(productId)).product;

    expect(initial).toMatchObject({ commentCount: 0, rating: null });
    expect(product).toMatchObject({ commentCount: 3, rating: 4.5 });
  });

  test('rating stays null while no comment gave one, and is a fractional average', async () => {
    const productId = await newProduct();
    const rater = () => app.tokenFor(uniqueId('user'), 'Rater');

    dataOf(await addComment({ productId, text: 'no rating' }, rater()));
    const unrated = dataOf(await readComments(productId)).product;
    for (const rating of [1, 2, 2]) dataOf(await addComment({ productId, text: 'rated', rating }, rater()));
    const rated = dataOf(await readComments(productId)).product;

    expect(unrated).toMatchObject({ commentCount: 1, rating: null });
    expect(rated?.commentCount).toBe(4);
    expect(rated?.rating).toBeCloseTo(5 / 3, 2);
  });
});

describe('addComment refusals write nothing', () => {
  test.each([
    ['empty text', 'BAD_USER_INPUT', { text: '' }],
    ['whitespace-only text', 'BAD_USER_INPUT', { text: ' \n\t ' }],
    ['2001 characters', 'BAD_USER_INPUT', { text: 'b'.repeat(2001) }],
    ['2001 emoji', 'BAD_USER_INPUT', { text: '😀'.repeat(2001) }],
    ['rating 0', 'BAD_USER_INPUT', { text: 'fine', rating: 0 }],
    ['rating 6', 'BAD_USER_INPUT', { text: 'fine', rating: 6 }],
    ['an unknown product', 'NOT_FOUND', { text: 'fine', productId: 'no-such-product' }],
    ['an empty product id', 'NOT_FOUND', { text: 'fine', productId: '' }],
    ['a 5000-character product id', 'NOT_FOUND', { text: 'fine', productId: 'x'.repeat(5000) }],
  ])('%s is refused with %s', async (_label, code, overrides) => {
    const productId = await newProduct();
    dataOf(
      await addComment({ productId, text: 'existing', rating: 3 }, app.tokenFor(uniqueId('seed'), 'Seed')),
    );
    const before = await app.snapshot();

    const response = await addComment({ productId, ...overrides }, app.tokenFor(uniqueId('user'), 'Refused'));

    expect(errorCodes(response)).toEqual([code]);
    expect(response.body.data).toBeNull();
    expect(await app.snapshot()).toEqual(before);
  });

  test('an unknown product is answered with NOT_FOUND on the productId field', async () => {
    // Prepare
    const token = app.tokenFor(uniqueId('user'), 'Lost');

    // Act
    const response = await addComment({ productId: 'no-such-product', text: 'fine' }, token);

    // Assess
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.message).toBe('No product has that id');
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'productId' });
  });

  test('an anonymous caller is refused with UNAUTHENTICATED', async () => {
    const productId = await newProduct();
    const before = await app.snapshot();

    const response = await addComment({ productId, text: 'anonymous', rating: 4 }, undefined);

    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('Product.comments', () => {
  test('pages through comments newest first with first/after', async () => {
    const productId = await newProduct();
    const token = app.tokenFor(uniqueId('user'), 'Chatty');
    const texts = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (const text of texts) dataOf(await addComment({ productId, text }, token));

    const pages: CommentsPage[] = [];
    let after: string | null = null;
    do {
      const page: CommentsPage | undefined = dataOf(await readComments(productId, 2, after)).product
        ?.comments;
      if (!page) throw new Error('the product vanished');
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);

    expect(pages.map((page) => page.nodes.map((node) => node.text))).toEqual([
      ['c5', 'c4'],
      ['c3', 'c2'],
      ['c1'],
    ]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    for (const page of pages) {
      expect(page.nodes).toEqual(page.edges.map((edge) => edge.node));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    }
  });

  test('defaults to the 10 newest comments', async () => {
    const productId = await newProduct();
    // Eleven commenters: one user may post only 5 comments a minute.
    for (let i = 1; i <= 11; i += 1) {
      dataOf(await addComment({ productId, text: `n${i}` }, app.tokenFor(uniqueId('user'), 'Chatty')));
    }

    const comments = dataOf(await readComments(productId)).product?.comments;

    expect(comments?.nodes.map((node) => node.text)).toEqual([
      'n11',
      'n10',
      'n9',
      'n8',
      'n7',
      'n6',
      'n5',
      'n4',
      'n3',
      'n2',
    ]);
    expect(comments?.pageInfo.hasNextPage).toBe(true);
  });

  test('a product with no comments has an empty page', async () => {
    const productId = await newProduct();

    const comments = dataOf(await readComments(productId, 5)).product?.comments;

    expect(comments).toEqual({ edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test.each([0, 101])('first %i is refused with BAD_USER_INPUT', async (first) => {
    const productId = await newProduct();

    const response = await readComments(productId, first);

    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  test('a products cursor used as a comments cursor is refused with BAD_USER_INPUT', async () => {
    const productId = await newProduct();
    await freshProduct(app, 'other');
    const products = dataOf(
      await app.graphql<{ products: { pageInfo: { endCursor: string | null } } }>({
        query: '{ products(first: 1) { pageInfo { endCursor } } }',
      }),
    ).products;

    const response = await readComments(productId, 2, products.pageInfo.endCursor);

    expect(products.pageInfo.endCursor).toEqual(expect.any(String));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});
