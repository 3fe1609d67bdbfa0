import type { CommentRecord } from '../../../src/datasources/models';
import { commentsModerated, recentPage } from '../../../src/datasources/recentComments';

const comment = (minute: number): CommentRecord => ({
  productId: 'bird',
  id: `c${minute}`,
  authorId: 'alice',
  author: 'Alice',
  text: `minute ${minute}`,
  createdAt: `2030-01-01T10:0${minute}:00.000Z`,
});
const keyOf = ({ createdAt, id }: CommentRecord) => `${createdAt}#${id}`;

describe('the recent comments a product item carries', () => {
  test('a comment shown again gets its entry even when older than the newest three', () => {
    // Prepare: four newer visible comments; the one shown again is the oldest.
    const newer = [5, 6, 7, 8].map(comment);
    const shown = comment(1);
    const state = { exists: true, archived: false, recent: {}, moderationVersion: 2 };

    // Act
    const change = commentsModerated(state, { newest: [...newer, shown], shown });

    // Assess: the three newest and the shown one, each stored without its product id.
    const setKeys = Object.entries(change.names)
      .filter(([name]) => name.startsWith('#set'))
      .map(([, key]) => key);
    expect(setKeys).toEqual([8, 7, 6, 1].map((minute) => keyOf(comment(minute))));
    expect(Object.values(change.values).filter((value) => typeof value === 'object')).toEqual(
      [8, 7, 6, 1].map((minute) => {
        const { productId: _productId, ...entry } = comment(minute);
        return entry;
      }),
    );
    expect(change.condition).toContain('#moderation = :readModeration');
  });

  test('serves a first page newest first with the cursors a Query would give, hasNextPage from the count', () => {
    // Prepare: entries in no particular order, one older than the newest three.
    const entries = [2, 9, 4, 7].map(comment);
    const product = {
      id: 'bird',
      commentCount: 4,
      recentComments: Object.fromEntries(entries.map((entry) => [keyOf(entry), entry])),
    };

    // Act
    const page = recentPage(product, 3);

    // Assess
    expect(page?.edges.map(({ node }) => node.id)).toEqual(['c9', 'c7', 'c4']);
    expect(page?.hasNextPage).toBe(true);
    expect(recentPage(product, 4)).toBeNull();
    expect(recentPage({ id: 'bird', commentCount: 0 }, 3)).toBeNull();
  });
});
