import { MAX_CART_LINES } from '../../../src/domain/cartRules';
import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { shopper, useTestApp, type Shopper } from '../../support/fixtures';
import { dataOf, SAVE_CART } from '../../support/storeApi';
import type { TestApp } from '../../support/testApp';

/**
 * Denial-of-wallet attacks: documents that pass the depth, alias and directive limits but would
 * make DynamoDB do work out of proportion to the request, against a catalogue of 100 products, a
 * few commented ones, and a shopper whose cart holds the most lines a cart may.
 */
export const PRODUCTS = 100;
const COMMENTED = 5;
export const productId = (index: number) => `product-${String(index).padStart(3, '0')}`;

export interface AttackedStore {
  app: TestApp;
  /** Signed in, with product-000 … product-097 in the cart. */
  fullCart: () => Shopper;
  /** A comment cursor as a client gets one: the endCursor of a real first page. */
  cursor: () => string;
}

export function useAttackedStore(): AttackedStore {
  const app = useTestApp({
    products: Array.from({ length: PRODUCTS }, (_, index) => ({
      id: productId(index),
      name: `Product ${productId(index)}`,
      stock: 100,
    })),
  });
  let fullCart: Shopper | undefined;
  let cursor: string | undefined;
  beforeAll(async () => {
    const hoarder = shopper(app, 'Hoarder');
    for (let index = 0; index < COMMENTED; index += 1) {
      dataOf(
        await app.graphql(
          {
            query: `mutation { addComment(productId: "${productId(index)}", text: "Nice", rating: 4) { id } }`,
          },
          { token: hoarder.token },
        ),
      );
    }
    const items = Array.from({ length: MAX_CART_LINES }, (_, index) => ({
      productId: productId(index),
      quantity: 1,
    }));
    dataOf(
      await app.graphql({ query: SAVE_CART, variables: { input: { items } } }, { token: hoarder.token }),
    );
    const firstPage = await app.graphql<{ product: { comments: { pageInfo: { endCursor: string } } } }>({
      query: `{ product(id: "${productId(0)}") { comments(first: 1) { pageInfo { endCursor } } } }`,
    });
    cursor = dataOf(firstPage).product.comments.pageInfo.endCursor;
    fullCart = hoarder;
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The attacked store is set up in beforeAll: use it in a test');
    return value;
  };
  return { app, fullCart: () => ready(fullCart), cursor: () => ready(cursor) };
}

/** Fifteen aliases (the alias limit) of `field`: a1 … a15. */
export const aliased = (field: string) =>
  Array.from({ length: DEFAULT_LIMITS.maxAliases }, (_, index) => `a${index + 1}: ${field}`).join(' ');

/**
 * Products → comments → product → 15 comment pages, every `first` from a variable that is never
 * sent: each page takes its schema default (20 products, 10 comments), where a cost estimate that
 * reads only the variables would see pages of one.
 */
export const UNSENT_PAGE_SIZE = `query Q($n: Int, $c: String) {
  products(first: $n) { nodes { comments(first: $n) { nodes { product {
    ${aliased('comments(first: $n, after: $c) { nodes { text } }')}
  } } } } }
}`;

/**
 * Sixteen one-comment pages of a product (15 aliases and the field itself), each a Query of its
 * own: a per-request cache of first pages cannot answer a page after a cursor.
 */
export const sixteenPages = (after: string) => {
  const page = `comments(first: 1, after: "${after}") { __typename }`;
  return `${page} ${aliased(page)}`;
};
