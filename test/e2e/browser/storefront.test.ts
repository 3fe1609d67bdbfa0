import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiAs } from './apiAs';
import { productCard, signInAs as signInWith, type Chromium } from './chromium';
import { useStorefrontSession, type StorefrontProcess } from './storefrontProcess';

/**
 * The frontend developer's path, end to end: `npm run storefront` (the API as `npm start` runs it
 * and the Vite dev server), and the storefront driven by a shopper in Debian's Chromium. Each test
 * continues where the previous one left the shop. Signing in and the session's rules have their own
 * suite (session.test.ts). Screenshots: test-results/screenshots/.
 */
// A shopper's step waits on page loads, API round trips and Vite's first compile of a module.
jest.setTimeout(60_000);

const session = useStorefrontSession();
let storefront: StorefrontProcess;
let chromium: Chromium;
let page: Page;
beforeAll(() => ({ storefront, chromium, page } = session));

async function screenshot(name: string): Promise<void> {
  await chromium.screenshot(name);
}

async function signInAs(name: string): Promise<void> {
  await signInWith(page, name);
}

/** Another shopper buys every unit left, through the API, signed in to the storefront's user pool. */
async function buyOutAs(displayName: string, productId: string): Promise<void> {
  const graphql = await apiAs(storefront, displayName);
  for (;;) {
    const { product } = (await graphql('query($id: ID!) { product(id: $id) { stock } }', {
      id: productId,
    })) as {
      product: { stock: number } | null;
    };
    const stock = product?.stock;
    if (!stock) return;
    await graphql(
      'mutation($id: ID!, $quantity: Int!) { addToCart(productId: $id, quantity: $quantity) { itemCount } }',
      {
        id: productId,
        quantity: Math.min(stock, 99),
      },
    );
    await graphql('mutation($key: String!) { checkout(idempotencyKey: $key) { id } }', { key: randomUUID() });
  }
}

describe('the storefront in a browser', () => {
  test('shows the product grid with prices from cents, and asks an anonymous shopper to sign in to buy', async () => {
    // Act
    await page.goto(storefront.storefrontUrl);
    await page.getByRole('heading', { name: 'Products' }).waitFor();

    // Assess
    const card = productCard(page, 'Lonely Bird');
    expect(await card.textContent()).toContain('$29.99');
    expect(await card.getByRole('link', { name: 'Sign in to buy' }).isVisible()).toBe(true);
    expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(14);
  });

  test('signs in as a demo shopper, adds Lonely Bird to the cart and shows the cart badge', async () => {
    // Prepare
    await signInAs('Alice');
    const card = productCard(page, 'Lonely Bird');

    // Act
    await card.getByRole('button', { name: 'Add to cart' }).click();

    // Assess
    await card.getByText('In your cart').waitFor();
    await page.getByTestId('cart-badge').filter({ hasText: /^1$/ }).waitFor();
    await screenshot('01-home-lonely-bird-in-cart');
    await page.reload();
    await productCard(page, 'Lonely Bird').getByText('In your cart').waitFor();
  });

  test('refuses an unknown promotion code in words, then applies WELCOME10 to the cart', async () => {
    // Prepare
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('cell', { name: 'Lonely Bird', exact: true }).waitFor();
    expect(await page.getByTestId('subtotal').textContent()).toBe('$29.99');

    // Act
    await page.getByRole('textbox', { name: 'Promotion code' }).fill('NOTACODE');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('alert').filter({ hasText: 'That promotion code is not valid' }).waitFor();
    await page.getByRole('textbox', { name: 'Promotion code' }).fill('WELCOME10');
    await page.getByRole('button', { name: 'Apply' }).click();

    // Assess
    await page.getByText('Promotion WELCOME10 applied.').waitFor();
    expect(await page.getByTestId('discount').textContent()).toBe('−$3.00');
    expect(await page.getByTestId('total').textContent()).toBe('$26.99');
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot('02-cart-with-welcome10');
  });

  test('checks out and shows the order on the orders page', async () => {
    // Act
    await page.getByRole('button', { name: 'Check out' }).click();

    // Assess
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByText('Thank you! Your order is placed.').waitFor();
    const order = page.locator('article.order.just-placed');
    const text = await order.textContent();
    expect(text).toContain('1 × Lonely Bird at $29.99');
    expect(text).toContain('Promotion WELCOME10: −$3.00');
    expect(text).toContain('Total $26.99');
    expect(await order.getByTestId('order-status').textContent()).toBe('Placed');
    expect(await order.getByRole('button', { name: /^Cancel order / }).isEnabled()).toBe(true);
    await page.getByTestId('cart-badge').filter({ hasText: /^0$/ }).waitFor();
    await screenshot('03-orders-after-checkout');
  });

  test('pages through comments and posts a comment on the product page', async () => {
    // Prepare
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await productCard(page, 'Lonely Bird').getByRole('link', { name: 'Lonely Bird' }).click();
    await page.getByRole('heading', { name: 'Comments (3)' }).waitFor();
    expect(await page.getByText('39 in stock').count()).toBe(1);

    // Act
    await page.getByLabel('Your comment').fill('Sits on my desk now <and> keeps me company.');
    await page.getByLabel('Rating').selectOption('5');
    await page.getByRole('button', { name: 'Post comment' }).click();

    // Assess
    await page.getByText('Thank you! Your comment is posted.').waitFor();
    await page.getByRole('heading', { name: 'Comments (4)' }).waitFor();
    const firstPage = page.locator('.comment');
    expect(await firstPage.count()).toBe(3);
    expect(await firstPage.first().textContent()).toContain('Sits on my desk now <and> keeps me company.');
    // Alice bought it (the order above): her review says so; the seed's reviewers bought nothing.
    expect(await firstPage.first().getByText('Verified purchase').count()).toBe(1);
    expect(await page.getByText('Verified purchase').count()).toBe(1);
    await screenshot('04-product-comments');
    await page.getByRole('link', { name: 'Older comments' }).click();
    await page.getByRole('link', { name: 'Newest comments' }).waitFor();
    expect(await page.locator('.comment').count()).toBe(1);
  });

  test('cancels the order without a reload: it says Cancelled, and the units are back in stock', async () => {
    // Prepare
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    const order = page.getByRole('article', { name: /^Order / });
    await order.getByTestId('order-status').filter({ hasText: 'Placed' }).waitFor();
    // Set in the page: a reload would lose it.
    await page.evaluate('window.sameDocument = true');

    // Act
    await order.getByRole('button', { name: /^Cancel order / }).click();

    // Assess
    await order
      .getByTestId('order-status')
      .filter({ hasText: /^Cancelled on / })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /is cancelled: its items are back in stock/ })
      .waitFor();
    expect(await order.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    expect(await page.evaluate('window.sameDocument')).toBe(true);
    await screenshot('07-order-cancelled');
    await page.reload();
    await order
      .getByTestId('order-status')
      .filter({ hasText: /^Cancelled on / })
      .waitFor();
    await page.goto(`${storefront.storefrontUrl}#/products/lonely-bird`);
    await page.getByText('40 in stock').waitFor();
  });

  test('shows the out-of-stock message in words when another shopper bought the last units', async () => {
    // Prepare: Bob puts Solid Friendship in his cart, then Carol buys every unit left.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs('Bob');
    await productCard(page, 'Solid Friendship').getByRole('link', { name: 'Solid Friendship' }).click();
    await page.getByRole('heading', { name: 'Solid Friendship', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByTestId('cart-badge').filter({ hasText: /^1$/ }).waitFor();
    await buyOutAs('Carol', 'solid-friendship');
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('cell', { name: 'Solid Friendship', exact: true }).waitFor();

    // Act
    await page.getByRole('button', { name: 'Check out' }).click();

    // Assess
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Sorry, Solid Friendship is out of stock in the quantity you asked for. Lower the quantity or remove it from your cart.',
    );
    await screenshot('05-cart-out-of-stock');
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByText('No orders yet.').waitFor();
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    expect(
      await productCard(page, 'Solid Friendship').getByRole('button', { name: 'Out of stock' }).isDisabled(),
    ).toBe(true);
  });

  test('stops the API, DynamoDB Local and the dev server on SIGTERM', async () => {
    // Act
    const { exitCode, leftovers } = await storefront.stop();

    // Assess
    expect(exitCode).toBe(0);
    expect(leftovers).toEqual([]);
    expect(storefront.output()).toContain('SIGTERM: stopping');
  });
});
