import { MAX_CART_LINES } from '../../../src/domain/cartRules';
import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { dataOf } from '../../support/storeApi';
import { CART_PAGE, HOME_PAGE, PRODUCT_PAGE, SAVE_CART_PAGE } from '../../support/storefrontQueries';
import { createTestApp } from '../../support/testApp';

/**
 * The limits must refuse abuse without refusing the storefront: its real pages, on a catalogue
 * big enough to fill them, pass every limit in production mode.
 */
const PRODUCTS = 100;
const productId = (index: number) => `product-${String(index).padStart(3, '0')}`;

const app = useTestApp({
  config: PRODUCTION_MODE,
  products: Array.from({ length: PRODUCTS }, (_, index) => ({
    id: productId(index),
    name: `Product ${productId(index)}`,
    stock: 100,
  })),
});
let token: string;

beforeAll(async () => {
  token = app.tokenFor('shopper', 'Shopper');
  // Comments on the first products of the home page, so its comment lists are not empty.
  for (let index = 0; index < 5; index += 1) {
    const comment = await app.graphql(
      { query: `mutation { addComment(productId: "${productId(index)}", text: "Nice", rating: 4) { id } }` },
      { token },
    );
    dataOf(comment);
  }
});

describe('the storefront', () => {
  test('home page (20 products, 3 comments each, the cart badge) passes the limits', async () => {
    // Act
    const response = await app.graphql<{ products: { edges: unknown[] } }>({ query: HOME_PAGE }, { token });

    // Assess
    expect(response.status).toBe(200);
    expect(dataOf(response).products.edges).toHaveLength(20);
  });

  test('product page (every field, 10 comments with paging) passes the limits', async () => {
    // Act
    const response = await app.graphql<{ product: { comments: { edges: unknown[] } } }>(
      { query: PRODUCT_PAGE, variables: { id: productId(0) } },
      { token },
    );

    // Assess
    expect(response.status).toBe(200);
    expect(dataOf(response).product.comments.edges).toHaveLength(1);
  });

  test('saving and showing the largest cart allowed passes the limits', async () => {
    // Prepare
    const items = Array.from({ length: MAX_CART_LINES }, (_, index) => ({
      productId: productId(index),
      quantity: 1,
    }));

    // Act
    const saved = await app.graphql<{ saveCart: { itemCount: number } }>(
      { query: SAVE_CART_PAGE, variables: { input: { items } } },
      { token },
    );
    const shown = await app.graphql<{ cart: { items: unknown[]; itemCount: number } }>(
      { query: CART_PAGE },
      { token },
    );

    // Assess
    expect(dataOf(saved).saveCart.itemCount).toBe(MAX_CART_LINES);
    expect(dataOf(shown).cart.items).toHaveLength(MAX_CART_LINES);
  });

  test('the largest home page (100 products) costs about half the cost limit, leaving pages room to grow', async () => {
    // Prepare: under half the default limit that page is refused, and the refusal names its cost.
    const tight = await createTestApp({
      ...PRODUCTION_MODE,
      limits: { ...DEFAULT_LIMITS, maxCost: DEFAULT_LIMITS.maxCost / 2 },
    });

    // Act
    const largest = HOME_PAGE.replace('products(first: 20', 'products(first: 100');
    const response = await tight.graphql({ query: largest }, { token: tight.tokenFor('shopper') });

    // Assess
    const message = response.body.errors?.[0]?.message ?? '';
    const cost = Number(/found (\d+(?:\.\d+)?)/.exec(message)?.[1]);
    expect(cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost / 2);
    expect(cost).toBeLessThan(DEFAULT_LIMITS.maxCost * 0.6);
  });
});
