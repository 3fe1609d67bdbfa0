import { MAX_CART_LINES } from '../../../src/domain/cartRules';
import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { dataOf } from '../../support/storeApi';
import { CART_PAGE, HOME_PAGE, PRODUCT_PAGE, SAVE_CART_PAGE } from '../../support/storefrontQueries';

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

  test.each([
    // The catalogue Query, a comments Query per product, the cart behind isSelected, the badge's cart.
    { page: 'home page', query: HOME_PAGE, variables: {}, expected: 1 + 20 + 1 + 3 },
    {
      page: 'home page at 100 products',
      query: HOME_PAGE.replace('first: 20', 'first: 100'),
      variables: {},
      expected: 1 + 100 + 1 + 3,
    },
    // The product, its comments Query, each comment's product, isSelected's cart, the badge's cart.
    {
      page: 'product page',
      query: PRODUCT_PAGE,
      variables: { id: productId(0) },
      expected: 1 + 1 + 10 + 1 + 3,
    },
    // The cart (its read, its products' batch, its promotion) and isSelected's cart.
    { page: 'cart page', query: CART_PAGE, variables: {}, expected: 3 + 1 },
  ])(
    '$page: costs $expected, within the limit, bounding the DynamoDB calls it makes',
    async ({ query, variables, expected }) => {
      // Act
      const response = await app.graphql({ query, variables }, { token });

      // Assess
      expect(response.body.errors).toBeUndefined();
      const cost = response.body.extensions?.cost as { requested: number; dynamoDbCalls: number };
      expect(cost.requested).toBe(expected);
      expect(cost.dynamoDbCalls).toBeGreaterThan(0);
      expect(cost.requested).toBeGreaterThanOrEqual(cost.dynamoDbCalls);
      expect(cost.requested).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    },
  );

  test('each mutation’s cost bounds the DynamoDB calls of an uncontended attempt', async () => {
    // Prepare: a shopper of their own, so the cart starts empty.
    const buyer = app.tokenFor('mutator', 'Mutator');
    const cartFields = '{ itemCount total items { product { id isSelected } } }';
    const steps = [
      `mutation { addToCart(productId: "${productId(50)}", quantity: 2) ${cartFields} }`,
      `mutation { updateCartItem(productId: "${productId(50)}", quantity: 3) ${cartFields} }`,
      `mutation { addToCart(productId: "${productId(51)}") ${cartFields} }`,
      `mutation { removeFromCart(productId: "${productId(51)}") ${cartFields} }`,
      `mutation { applyPromotionCode(code: null) ${cartFields} }`,
      `mutation { addComment(productId: "${productId(50)}", text: "Sturdy", rating: 5) { id product { commentCount rating } } }`,
      'mutation { checkout(idempotencyKey: "cost-bound-1") { id total items { productId } } }',
    ];

    // Act
    const costs: Array<{ requested: number; dynamoDbCalls: number }> = [];
    for (const query of steps) {
      const response = await app.graphql({ query }, { token: buyer });
      expect(response.body.errors).toBeUndefined();
      costs.push(response.body.extensions?.cost as { requested: number; dynamoDbCalls: number });
    }

    // Assess
    for (const { requested, dynamoDbCalls } of costs) {
      expect(dynamoDbCalls).toBeGreaterThan(0);
      expect(requested).toBeGreaterThanOrEqual(dynamoDbCalls);
    }
  });
});
