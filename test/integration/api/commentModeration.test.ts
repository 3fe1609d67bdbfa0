import { randomUUID } from 'node:crypto';
import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import { moderationHelpers, nth, ratingOf } from '../../support/moderation';
import { storedRatings } from '../../support/ratings';
import { dataOf, errorCodes } from '../../support/storeApi';

const app = useTestApp();
const { write, moderate, moderated, listingPage, pagesOf, totals, expectConsistent, commented } =
  moderationHelpers(app);
let staff: Shopper;

beforeAll(() => {
  staff = staffMember(app, 'Moderator');
});

describe('hideComment', () => {
  test('takes the comment out of every listing and its rating out of the product, in the same response', async () => {
    // Prepare
    const { productId, comments } = await commented([5, 3, 1]);
    const offensive = nth(comments, 2);
    const { product: _product, ...offensiveNode } = offensive;

    // Act
    const hidden = await moderated('hideComment', offensive.id, staff);

    // Assess
    expect(hidden).toEqual({
      ...offensive,
      hidden: true,
      product: { id: productId, commentCount: 2, rating: 4 },
    });
    const listed = (caller?: Shopper) => pagesOf('comments', productId, 10, caller);
    expect((await listed()).flat()).toEqual([comments[1]?.id, comments[0]?.id]);
    expect((await listed(shopper(app))).flat()).toEqual([comments[1]?.id, comments[0]?.id]);
    expect((await listed(staff)).flat()).toEqual([comments[1]?.id, comments[0]?.id]);
    const staffView = dataOf(await listingPage('hiddenComments', productId, {}, staff)).product;
    expect(staffView?.hiddenComments?.edges.map(({ node }) => node)).toEqual([
      { ...offensiveNode, hidden: true },
    ]);
    expect(await totals(productId)).toEqual({ commentCount: 2, rating: 4 });
    await expectConsistent(productId, staff);
  });

  test('hiding a comment whose rating its author replaced since lowers the count but not the rating', async () => {
    // Prepare: Ada rated 1, then 5; Bob rated 3.
    const productId = (await freshProduct(app, 'superseded')).id;
    const [ada, bob] = [shopper(app, 'Ada'), shopper(app, 'Bob')];
    const first = await write(ada, productId, 'awful', 1);
    const second = await write(ada, productId, 'actually great', 5);
    await write(bob, productId, 'fine', 3);

    // Act
    const hidden = await moderated('hideComment', first.id, staff);

    // Assess
    expect(hidden.product).toEqual({ id: productId, commentCount: 2, rating: 4 });
    const stored = await expectConsistent(productId, staff);
    expect(ratingOf(stored, ada.userId)).toEqual({ rating: 5, commentId: second.id });
  });

  test('hiding an unrated comment lowers the count and leaves the rating', async () => {
    const { productId, ids } = await commented([4, undefined, 2]);

    const hidden = await moderated('hideComment', nth(ids, 1), staff);

    expect(hidden).toMatchObject({ hidden: true, rating: null, product: { commentCount: 2, rating: 3 } });
    await expectConsistent(productId, staff);
  });

  test('hiding a hidden comment returns it hidden and writes nothing', async () => {
    // Prepare
    const { productId, ids } = await commented([2, 4]);
    const once = await moderated('hideComment', nth(ids, 0), staff);
    const before = await app.snapshot();

    // Act
    const twice = await moderated('hideComment', nth(ids, 0), staff);

    // Assess
    expect(twice).toEqual(once);
    expect(twice.product).toEqual({ id: productId, commentCount: 1, rating: 4 });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a request that hides two comments shows neither among the product comments of the second', async () => {
    // Prepare
    const { productId, ids } = await commented([1, 2, 3]);
    const twice = `mutation Twice($a: ID!, $b: ID!) {
      a: hideComment(id: $a) { product { commentCount comments { nodes { id } } } }
      b: hideComment(id: $b) { product { commentCount comments { nodes { id } } } }
    }`;
    type Shown = { product: { commentCount: number; comments: { nodes: Array<{ id: string }> } } };

    // Act
    const response = await app.graphql<{ a: Shown; b: Shown }>(
      { query: twice, variables: { a: ids[0], b: ids[1] } },
      { token: staff.token },
    );

    // Assess: like addComment, a moderation shows the product as it left it.
    expect(dataOf(response)).toEqual({
      a: { product: { commentCount: 2, comments: { nodes: [{ id: ids[2] }, { id: ids[1] }] } } },
      b: { product: { commentCount: 1, comments: { nodes: [{ id: ids[2] }] } } },
    });
    await expectConsistent(productId, staff);
  });
});

describe('unhideComment', () => {
  test('lists the comment in its place again and restores the count and its rating', async () => {
    // Prepare
    const { productId, ids, comments } = await commented([5, 1, 3]);
    const listedBefore = (await pagesOf('comments', productId, 10)).flat();
    await moderated('hideComment', nth(ids, 1), staff);

    // Act
    const shown = await moderated('unhideComment', nth(ids, 1), staff);

    // Assess
    expect(shown).toEqual({
      ...comments[1],
      hidden: false,
      product: { id: productId, commentCount: 3, rating: 3 },
    });
    expect((await pagesOf('comments', productId, 10)).flat()).toEqual(listedBefore);
    expect(await pagesOf('hiddenComments', productId, 10, staff)).toEqual([[]]);
    const stored = await expectConsistent(productId, staff);
    expect(stored.ratings).toHaveLength(3);
  });

  test('keeps the rating its author gave with a newer comment while it was hidden', async () => {
    // Prepare: Ada rated 2, staff hid it, then Ada rated 5 with a new comment; Bob rated 4.
    const productId = (await freshProduct(app, 'rerated')).id;
    const [ada, bob] = [shopper(app, 'Ada'), shopper(app, 'Bob')];
    const old = await write(ada, productId, 'meh', 2);
    await write(bob, productId, 'good', 4);
    await moderated('hideComment', old.id, staff);
    const newer = await write(ada, productId, 'better now', 5);

    // Act
    const shown = await moderated('unhideComment', old.id, staff);

    // Assess
    expect(shown.product).toEqual({ id: productId, commentCount: 3, rating: 4.5 });
    const stored = await expectConsistent(productId, staff);
    expect(ratingOf(stored, ada.userId)).toEqual({ rating: 5, commentId: newer.id });
  });

  test('unhiding an author’s newest comment replaces the rating an older comment gives now', async () => {
    // Prepare: Ada rated 2 then 5; both hidden, newest first; the oldest shown again gives 2.
    const productId = (await freshProduct(app, 'restored')).id;
    const ada = shopper(app, 'Ada');
    const old = await write(ada, productId, 'meh', 2);
    const newest = await write(ada, productId, 'love it', 5);
    await moderated('hideComment', newest.id, staff);
    await moderated('hideComment', old.id, staff);
    const oldShown = await moderated('unhideComment', old.id, staff);

    // Act
    const newestShown = await moderated('unhideComment', newest.id, staff);

    // Assess
    expect(oldShown.product).toEqual({ id: productId, commentCount: 1, rating: 2 });
    expect(newestShown.product).toEqual({ id: productId, commentCount: 2, rating: 5 });
    const stored = await expectConsistent(productId, staff);
    expect(ratingOf(stored, ada.userId)).toEqual({ rating: 5, commentId: newest.id });
  });

  test('unhiding a visible comment, twice, returns it visible and writes nothing', async () => {
    const { productId, comments } = await commented([3]);
    const before = await app.snapshot();

    const first = await moderated('unhideComment', nth(comments, 0).id, staff);
    const second = await moderated('unhideComment', nth(comments, 0).id, staff);

    expect(first).toEqual({
      ...comments[0],
      hidden: false,
      product: { id: productId, commentCount: 1, rating: 3 },
    });
    expect(second).toEqual(first);
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('paging around hidden comments', () => {
  test('comments and hiddenComments come in full pages, newest first, skipping and repeating nothing', async () => {
    // Prepare: nine comments; the 1st, 4th, 5th and 9th newest hidden.
    const { productId, ids } = await commented([1, 2, 3, 4, 5, 1, 2, 3, 4]);
    const newestFirst = [...ids].reverse();
    const hiddenIds = [0, 3, 4, 8].map((index) => nth(newestFirst, index));
    for (const id of hiddenIds) await moderated('hideComment', id, staff);
    const visibleIds = newestFirst.filter((id) => !hiddenIds.includes(id));

    // Act
    const visiblePages = await pagesOf('comments', productId, 2);
    const hiddenPages = await pagesOf('hiddenComments', productId, 3, staff);

    // Assess
    expect(visiblePages).toEqual([visibleIds.slice(0, 2), visibleIds.slice(2, 4), visibleIds.slice(4)]);
    expect(hiddenPages).toEqual([hiddenIds.slice(0, 3), hiddenIds.slice(3)]);
    await expectConsistent(productId, staff);
  });

  test('a cursor read before its comment was hidden continues after it with a full page', async () => {
    // Prepare
    const { productId, ids } = await commented([1, 2, 3, 4, 5]);
    const newestFirst = [...ids].reverse();
    const firstPage = dataOf(await listingPage('comments', productId, { first: 2 })).product?.comments;
    await moderated('hideComment', nth(newestFirst, 1), staff);

    // Act
    const next = dataOf(
      await listingPage('comments', productId, { first: 2, after: firstPage?.pageInfo.endCursor }),
    ).product?.comments;

    // Assess
    expect(firstPage?.edges.map(({ node }) => node.id)).toEqual(newestFirst.slice(0, 2));
    expect(next?.edges.map(({ node }) => node.id)).toEqual(newestFirst.slice(2, 4));
    expect(next?.pageInfo.hasNextPage).toBe(true);
  });
  test.each(['the hidden comment’s own key', 'zzz'])(
    'a forged comments cursor past the visible ones (%s) is BAD_USER_INPUT and shows nothing hidden',
    async (label) => {
      // Prepare: cursors are base64url JSON, easy to forge.
      const { productId, ids } = await commented([1, 2]);
      await moderated('hideComment', nth(ids, 0), staff);
      const hidden = (await storedRatings(app, productId)).comments.find((comment) => comment.hidden);
      const key = label === 'zzz' ? 'zzz' : hidden?.commentKey;
      const after = Buffer.from(JSON.stringify({ c: 'comment', k: { commentKey: key } })).toString(
        'base64url',
      );

      // Act
      const response = await listingPage('comments', productId, { first: 5, after }, shopper(app));

      // Assess
      expect(key).toEqual(expect.stringMatching(/^(hidden#|zzz)/));
      expect(JSON.stringify(response.body)).not.toContain(nth(ids, 0));
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    },
  );
});

describe('who may moderate, and what', () => {
  const callers: Array<[string, string, () => Shopper | undefined]> = [
    ['a shopper', 'FORBIDDEN', () => shopper(app)],
    ['an anonymous caller', 'UNAUTHENTICATED', () => undefined],
  ];
  test.each(callers)(
    '%s is refused with %s by hideComment, unhideComment and hiddenComments',
    async (_who, code, caller) => {
      // Prepare
      const { productId, ids } = await commented([5, 1]);
      await moderated('hideComment', nth(ids, 1), staff);
      const before = await app.snapshot();

      // Act
      const hide = await moderate('hideComment', nth(ids, 0), caller());
      const unhide = await moderate('unhideComment', nth(ids, 1), caller());
      const listing = await listingPage('hiddenComments', productId, {}, caller());

      // Assess
      for (const response of [hide, unhide, listing]) expect(errorCodes(response)).toEqual([code]);
      expect([hide.body.data, unhide.body.data, listing.body.data]).toEqual([null, null, { product: null }]);
      expect(listing.body.errors?.[0]?.path).toEqual(['product', 'hiddenComments']);
      expect(await app.snapshot()).toEqual(before);
    },
  );

  test.each([
    ['an empty id', ''],
    ['a 2000-character id', 'c'.repeat(2000)],
    ['a unicode id', 'コメント💬\u0000\u202e'],
    ['an unknown well-formed uuid', randomUUID()],
  ])('%s is NOT_FOUND for hideComment and unhideComment, writing nothing', async (_label, id) => {
    // Prepare
    const { productId } = await commented([4]);
    const before = await app.snapshot();

    // Act
    const responses = [await moderate('hideComment', id, staff), await moderate('unhideComment', id, staff)];

    // Assess
    for (const response of responses) {
      expect(response.body.data).toBeNull();
      expect(response.body.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
        { message: 'No comment has that id', extensions: { code: 'NOT_FOUND', field: 'id' } },
      ]);
    }
    expect(await app.snapshot()).toEqual(before);
    expect((await storedRatings(app, productId)).product.commentCount).toBe(1);
  });
});
