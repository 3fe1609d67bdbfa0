import type { CostReport } from '../../src/graphql/costLimit';
import { freshProduct, shopper, type Shopper } from './fixtures';
import { expectRatingsExact, storedRatings, type StoredRatings } from './ratings';
import { dataOf } from './storeApi';
import type { GraphQLResponse, TestApp } from './testApp';

/** Operations and helpers shared by the comment moderation and verified purchase suites. */

export const MODERATED_FIELDS = 'id author text rating createdAt verifiedPurchase hidden';

export interface ModeratedView {
  id: string;
  author: string;
  text: string;
  rating: number | null;
  createdAt: string;
  verifiedPurchase: boolean;
  hidden: boolean;
}

export interface ProductTotals {
  id: string;
  commentCount: number;
  rating: number | null;
}

/** A comment as a mutation answers it: with its product's aggregates after the write. */
export interface WrittenView extends ModeratedView {
  product: ProductTotals;
}

export type Moderation = 'hideComment' | 'unhideComment';
export type ModerationData = Partial<Record<Moderation, WrittenView>>;

const WRITTEN_FIELDS = `${MODERATED_FIELDS} product { id commentCount rating }`;

export const ADD_COMMENT = `mutation Add($productId: ID!, $text: String!, $rating: Int) {
  addComment(productId: $productId, text: $text, rating: $rating) { ${WRITTEN_FIELDS} }
}`;

export function moderationMutation(operation: Moderation): string {
  return `mutation Moderate($id: ID!) { ${operation}(id: $id) { ${WRITTEN_FIELDS} } }`;
}

export type Listing = 'comments' | 'hiddenComments';

export interface ListingPage {
  edges: Array<{ cursor: string; node: ModeratedView }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type ListingData = {
  product: ({ commentCount: number; rating: number | null } & Partial<Record<Listing, ListingPage>>) | null;
};

export function listingQuery(listing: Listing): string {
  return `query Listing($id: ID!, $first: Int, $after: String) {
    product(id: $id) {
      commentCount rating
      ${listing}(first: $first, after: $after) {
        edges { cursor node { ${MODERATED_FIELDS} } } pageInfo { hasNextPage endCursor }
      }
    }
  }`;
}

/** The cost report every response carries (src/graphql/costLimit.ts). */
export function costOf(response: GraphQLResponse<unknown>): CostReport {
  const cost = response.body.extensions?.cost as CostReport | undefined;
  if (!cost) throw new Error(`No cost report in ${JSON.stringify(response.body)}`);
  return cost;
}

/** The helpers the moderation suites share, bound to one suite's app. */
export function moderationHelpers(app: TestApp) {
  const tokenOf = (caller?: Shopper) => (caller ? { token: caller.token } : {});

  function addRequest(author: Shopper, productId: string, text: string, rating?: number) {
    return app.graphql<{ addComment: WrittenView }>(
      { query: ADD_COMMENT, variables: { productId, text, rating } },
      { token: author.token },
    );
  }

  /** addComment that must succeed. */
  async function write(author: Shopper, productId: string, text: string, rating?: number) {
    return dataOf(await addRequest(author, productId, text, rating)).addComment;
  }

  function moderate(operation: Moderation, id: string, caller?: Shopper) {
    return app.graphql<ModerationData>(
      { query: moderationMutation(operation), variables: { id } },
      tokenOf(caller),
    );
  }

  /** hideComment or unhideComment that must succeed. */
  async function moderated(operation: Moderation, id: string, staff: Shopper): Promise<WrittenView> {
    const comment = dataOf(await moderate(operation, id, staff))[operation];
    if (!comment) throw new Error(`${operation} answered no comment`);
    return comment;
  }

  function listingPage(
    listing: Listing,
    id: string,
    page: { first?: number; after?: string | null },
    caller?: Shopper,
  ) {
    return app.graphql<ListingData>(
      { query: listingQuery(listing), variables: { id, ...page } },
      tokenOf(caller),
    );
  }

  /** Every page of a listing, `first` at a time, as the comments' ids of each page. */
  async function pagesOf(listing: Listing, id: string, first: number, caller?: Shopper): Promise<string[][]> {
    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const page: ListingPage | undefined = dataOf(await listingPage(listing, id, { first, after }, caller))
        .product?.[listing];
      if (!page) throw new Error(`${listing} of ${id} was not listed`);
      pages.push(page.edges.map(({ node }) => node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (pages.length > 50) throw new Error('The listing never ends');
    } while (after !== null);
    return pages;
  }

  /** The product's commentCount and rating as anyone reads them. */
  async function totals(id: string): Promise<Omit<ProductTotals, 'id'>> {
    const { product } = dataOf(
      await app.graphql<{ product: Omit<ProductTotals, 'id'> | null }>({
        query: 'query Totals($id: ID!) { product(id: $id) { commentCount rating } }',
        variables: { id },
      }),
    );
    if (!product) throw new Error(`No product ${id}`);
    return product;
  }

  /**
   * What the tables hold agrees with itself (ratings.ts) and with what the API lists and says:
   * `comments` is exactly the visible comments and `hiddenComments` the hidden ones, newest first,
   * and the product's rating is the average of the ratings table's items.
   */
  async function expectConsistent(productId: string, staff: Shopper): Promise<StoredRatings> {
    const stored = await storedRatings(app, productId);
    expectRatingsExact(stored);
    const newestFirst = (hidden: boolean) =>
      stored.comments
        .filter((comment) => (comment.hidden === true) === hidden)
        .sort((a, b) => b.commentKey.localeCompare(a.commentKey))
        .map((comment) => comment.id);
    expect((await pagesOf('comments', productId, 100, staff)).flat()).toEqual(newestFirst(false));
    // The first page a product item carries (recentComments.ts) agrees with the comments table.
    const first = dataOf(await listingPage('comments', productId, { first: 3 })).product?.comments;
    expect(first?.edges.map(({ node }) => node.id)).toEqual(newestFirst(false).slice(0, 3));
    expect(first?.pageInfo.hasNextPage).toBe(newestFirst(false).length > 3);
    expect((await pagesOf('hiddenComments', productId, 100, staff)).flat()).toEqual(newestFirst(true));
    const { ratingSum, ratingCount } = stored.product;
    expect(await totals(productId)).toEqual({
      commentCount: newestFirst(false).length,
      rating: ratingCount === 0 ? null : Math.round((ratingSum / ratingCount) * 100) / 100,
    });
    return stored;
  }

  /** A fresh product with one comment per rating, each by an author of its own, oldest first. */
  async function commented(ratings: Array<number | undefined>) {
    const productId = (await freshProduct(app, 'moderated')).id;
    const authors = ratings.map((_rating, index) => shopper(app, `Author${index}`));
    const comments: WrittenView[] = [];
    for (const [index, author] of authors.entries()) {
      comments.push(await write(author, productId, `comment ${index}`, ratings[index]));
    }
    return { productId, authors, comments, ids: comments.map(({ id }) => id) };
  }

  return {
    addRequest,
    write,
    moderate,
    moderated,
    listingPage,
    pagesOf,
    totals,
    expectConsistent,
    commented,
  };
}

/** The user's current rating of the product, as the ratings table holds it (null when none). */
export function ratingOf(
  stored: StoredRatings,
  userId: string,
): { rating: number; commentId: string } | null {
  const item = stored.ratings.find((rating) => rating.userId === userId);
  return item ? { rating: item.rating, commentId: item.commentId } : null;
}

/** The `index`th of `list`, which must be there. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`Nothing at ${index} of ${list.length}`);
  return item;
}
