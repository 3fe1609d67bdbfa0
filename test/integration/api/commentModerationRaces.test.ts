import { freshProduct, shopper, staffMember, useTestApp, type Shopper } from '../../support/fixtures';
import {
  costOf,
  moderationHelpers,
  nth,
  ratingOf,
  type Moderation,
  type WrittenView,
} from '../../support/moderation';
import { storedRatings } from '../../support/ratings';
import { dataOf } from '../../support/storeApi';
import type { GraphQLResponse } from '../../support/testApp';

/**
 * Moderation racing itself and the authors' new comments: whatever the interleaving, the product's
 * commentCount is its visible comments and its ratingSum and ratingCount are the ratings table's
 * items (support/ratings.ts), and the API lists what the tables hold.
 */
const app = useTestApp();
const { write, moderate, moderated, expectConsistent, commented } = moderationHelpers(app);
let staff: Shopper;

beforeAll(() => {
  staff = staffMember(app, 'Moderator');
});

/** The comment a moderation answered; throws, showing the whole body, when it failed. */
function answered(
  operation: Moderation,
  response: GraphQLResponse<Partial<Record<Moderation, WrittenView>>>,
) {
  const comment = dataOf(response)[operation];
  if (!comment) throw new Error(`${operation} answered no comment`);
  return comment;
}

interface Author {
  who: Shopper;
  old: WrittenView;
  current: WrittenView;
}

describe('moderation under concurrency', () => {
  test('hides and unhides of many authors’ comments, racing their new rated comments, keep every aggregate exact', async () => {
    // Prepare: ten authors, each with an old rated comment (hidden) and a current one (visible,
    // giving their rating), and four unrated comments by bystanders. Authors write at most 4
    // comments, within the rate limit of 5 a minute.
    const productId = (await freshProduct(app, 'raced')).id;
    const authors: Author[] = await Promise.all(
      Array.from({ length: 10 }, async (_, index): Promise<Author> => {
        const who = shopper(app, `Racer${index}`);
        const old = await write(who, productId, `old ${index}`, (index % 5) + 1);
        const current = await write(who, productId, `current ${index}`, ((index + 2) % 5) + 1);
        return { who, old, current };
      }),
    );
    await Promise.all(authors.map(({ old }) => moderated('hideComment', old.id, staff)));
    const bystanders = await Promise.all(
      Array.from({ length: 4 }, (_, index) => write(shopper(app, 'Bystander'), productId, `aside ${index}`)),
    );

    // Act, round 1: hide every current comment, show every old one, each author rates anew, and
    // two bystanders' comments are hidden, all at once.
    const round1 = await Promise.all([
      Promise.all(authors.map(({ current }) => moderate('hideComment', current.id, staff))),
      Promise.all(authors.map(({ old }) => moderate('unhideComment', old.id, staff))),
      Promise.all(authors.map(({ who }, index) => write(who, productId, `again ${index}`, (index % 3) + 1))),
      Promise.all(bystanders.slice(0, 2).map(({ id }) => moderate('hideComment', id, staff))),
    ]);
    const afterRound1 = await expectConsistent(productId, staff);

    // Act, round 2: the other way round, with one more rated comment each.
    const round2 = await Promise.all([
      Promise.all(authors.map(({ current }) => moderate('unhideComment', current.id, staff))),
      Promise.all(authors.map(({ old }) => moderate('hideComment', old.id, staff))),
      Promise.all(authors.map(({ who }, index) => write(who, productId, `last ${index}`, (index % 4) + 2))),
      Promise.all(bystanders.slice(0, 2).map(({ id }) => moderate('unhideComment', id, staff))),
    ]);
    const afterRound2 = await expectConsistent(productId, staff);

    // Assess: every moderation answered what it did, and each author's newest comment gives their
    // rating (a comment hidden or shown meanwhile never takes the place of a newer rating).
    const [hidden1, shown1, fresh1, asidesHidden] = round1;
    const [shown2, hidden2, fresh2, asidesShown] = round2;
    for (const response of [...hidden1, ...asidesHidden, ...hidden2]) {
      expect(answered('hideComment', response).hidden).toBe(true);
    }
    for (const response of [...shown1, ...asidesShown, ...shown2]) {
      expect(answered('unhideComment', response).hidden).toBe(false);
    }
    expect(afterRound1.product).toMatchObject({ commentCount: 10 + 10 + 2, ratingCount: 10 });
    expect(afterRound2.product).toMatchObject({ commentCount: 10 + 10 + 10 + 4, ratingCount: 10 });
    authors.forEach(({ who }, index) => {
      expect(ratingOf(afterRound1, who.userId)).toEqual({
        rating: nth(fresh1, index).rating,
        commentId: nth(fresh1, index).id,
      });
      expect(ratingOf(afterRound2, who.userId)).toEqual({
        rating: nth(fresh2, index).rating,
        commentId: nth(fresh2, index).id,
      });
    });
  });

  test('racing hides and unhides of one rated comment leave it stored once, counted as it ends', async () => {
    // Prepare: Ada rated 2, Bob 4.
    const { productId, ids } = await commented([2, 4]);
    const contested = nth(ids, 0);
    const operations: Moderation[] = ['hideComment', 'unhideComment', 'hideComment', 'unhideComment'];

    for (let round = 0; round < 5; round += 1) {
      // Act
      const responses = await Promise.all(
        [...operations, ...operations].map((operation) => moderate(operation, contested, staff)),
      );

      // Assess: each answer shows what its own operation left; the tables hold one of the two ends.
      [...operations, ...operations].forEach((operation, index) => {
        const comment = answered(operation, nth(responses, index));
        expect(comment).toMatchObject({ id: contested, hidden: operation === 'hideComment' });
      });
      const stored = await expectConsistent(productId, staff);
      const hidden = stored.comments.find(({ id }) => id === contested)?.hidden === true;
      expect(stored.product).toEqual(
        hidden
          ? { commentCount: 1, ratingSum: 4, ratingCount: 1 }
          : { commentCount: 2, ratingSum: 6, ratingCount: 2 },
      );
    }
  });

  test.each(['hideComment', 'unhideComment'] as const)(
    'eight concurrent %s of one comment move it, its count and its rating once',
    async (operation) => {
      // Prepare: the comment starts where the operation moves it from.
      const { productId, ids } = await commented([1, 5, 3]);
      if (operation === 'unhideComment') await moderated('hideComment', nth(ids, 0), staff);

      // Act
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => moderate(operation, nth(ids, 0), staff)),
      );

      // Assess
      for (const response of responses) {
        expect(answered(operation, response).hidden).toBe(operation === 'hideComment');
      }
      const stored = await expectConsistent(productId, staff);
      expect(stored.product).toEqual(
        operation === 'hideComment'
          ? { commentCount: 2, ratingSum: 8, ratingCount: 2 }
          : { commentCount: 3, ratingSum: 9, ratingCount: 3 },
      );
    },
  );
});

describe('the cost of moderation', () => {
  test.each([
    ['hiding the comment that gives its author’s rating', 'hideComment', [] as Moderation[]],
    ['hiding an unrated comment', 'hideComment', []],
    ['hiding a hidden comment', 'hideComment', ['hideComment']],
    ['unhiding a hidden rated comment', 'unhideComment', ['hideComment']],
    ['unhiding a visible comment', 'unhideComment', []],
  ] as const)(
    '%s costs at least the DynamoDB calls it makes uncontended',
    async (label, operation, before) => {
      // Prepare
      const { productId, ids } = await commented(label.includes('unrated') ? [undefined] : [4]);
      for (const earlier of before) await moderated(earlier, nth(ids, 0), staff);
      const bare = `mutation Bare($id: ID!) { ${operation}(id: $id) { id hidden } }`;

      // Act
      const withProduct = await moderate(operation, nth(ids, 0), staff);
      const withoutProduct = await app.graphql(
        { query: bare, variables: { id: nth(ids, 0) } },
        { token: staff.token },
      );

      // Assess
      for (const response of [withProduct, withoutProduct]) {
        expect(response.body.errors).toBeUndefined();
        const { requested, dynamoDbCalls } = costOf(response);
        expect(dynamoDbCalls).toBeGreaterThan(0);
        expect(requested).toBeGreaterThanOrEqual(dynamoDbCalls);
      }
      expect((await storedRatings(app, productId)).product.commentCount).toBe(
        operation === 'hideComment' ? 0 : 1,
      );
    },
  );
});
