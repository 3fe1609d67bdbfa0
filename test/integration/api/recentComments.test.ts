import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { freshProduct, shopper, staffMember, useTestApp } from '../../support/fixtures';
import { costOf, moderationHelpers, nth } from '../../support/moderation';
import { dataOf } from '../../support/storeApi';

const app = useTestApp();
const { write, moderated, listingPage, pagesOf, expectConsistent } = moderationHelpers(app);

/** The product's recent comments as its item holds them: comment ids, newest first. */
async function itemEntries(productId: string): Promise<string[]> {
  const item = (await app.scan('products')).find((product) => product.id === productId);
  const recent = (item?.recentComments ?? {}) as Record<string, { id: string }>;
  return Object.entries(recent)
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([, comment]) => comment.id);
}

describe('the comments a product item carries', () => {
  test('serve a product’s first three comments with the product, no comments Query, and continue exactly', async () => {
    // Prepare
    const productId = (await freshProduct(app, 'recent')).id;
    const author = shopper(app, 'Writer');
    for (const text of ['one', 'two', 'three', 'four', 'five']) await write(author, productId, text);

    // Act
    const response = await listingPage('comments', productId, { first: 3 });
    const first = dataOf(response).product?.comments;
    const rest = dataOf(
      await listingPage('comments', productId, { first: 10, after: first?.pageInfo.endCursor }),
    ).product?.comments;

    // Assess: one call (the product) for the first page; the next page is the table's own.
    expect(costOf(response).dynamoDbCalls).toBe(1);
    expect(first?.edges.map(({ node }) => node.text)).toEqual(['five', 'four', 'three']);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    expect(rest?.edges.map(({ node }) => node.text)).toEqual(['two', 'one']);
    expect((await pagesOf('comments', productId, 3)).flat()).toEqual(
      (await pagesOf('comments', productId, 100)).flat(),
    );
  });

  test('stay exactly the newest visible ones while many shoppers comment at once and staff hide some', async () => {
    // Prepare
    const productId = (await freshProduct(app, 'busy')).id;
    const staff = staffMember(app);
    const authors = Array.from({ length: 12 }, (_unused, index) => shopper(app, `Busy${index}`));
    const early = await Promise.all(
      authors.slice(0, 4).map((author, index) => write(author, productId, `early ${index}`, 4)),
    );

    // Act: eight more comments race the hiding of the first four.
    await Promise.all([
      ...authors.slice(4).map((author, index) => write(author, productId, `late ${index}`, 5)),
      ...early.map(({ id }) => moderated('hideComment', id, staff)),
    ]);

    // Assess: the item holds the 3 newest visible comments, and a few older ones at most: 6, plus
    // one per comment written at the same moment; the next comment trims them.
    const stored = await expectConsistent(productId, staff);
    const visibleNewestFirst = stored.comments
      .filter((comment) => comment.hidden !== true)
      .sort((a, b) => b.commentKey.localeCompare(a.commentKey))
      .map((comment) => comment.id);
    const entries = await itemEntries(productId);
    expect(entries.slice(0, 3)).toEqual(visibleNewestFirst.slice(0, 3));
    expect(entries.length).toBeLessThanOrEqual(6 + 8);
    const next = await write(nth(authors, 0), productId, 'afterwards');
    const trimmed = await itemEntries(productId);
    expect(trimmed.slice(0, 3)).toEqual([next.id, ...visibleNewestFirst.slice(0, 2)]);
    expect(trimmed.length).toBeLessThanOrEqual(6);
  });

  test('are given to a product written before items carried them, at its next comment', async () => {
    // Prepare: comments, then the item as an older version of the API left it.
    const productId = (await freshProduct(app, 'legacy')).id;
    const author = shopper(app, 'Early');
    for (const text of ['old one', 'old two']) await write(author, productId, text);
    await app.db.send(
      new UpdateCommand({
        TableName: app.tables.products,
        Key: { id: productId },
        UpdateExpression: 'REMOVE recentComments',
      }),
    );
    const before = dataOf(await listingPage('comments', productId, { first: 3 })).product?.comments;

    // Act
    await write(author, productId, 'new one');

    // Assess: read from the table until then, from the item after.
    expect(before?.edges.map(({ node }) => node.text)).toEqual(['old two', 'old one']);
    const response = await listingPage('comments', productId, { first: 3 });
    expect(costOf(response).dynamoDbCalls).toBe(1);
    expect(dataOf(response).product?.comments?.edges.map(({ node }) => node.text)).toEqual([
      'new one',
      'old two',
      'old one',
    ]);
  });
});
