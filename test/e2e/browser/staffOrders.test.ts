import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { apiAs, userIdOf } from './apiAs';
import { headerLink, productCard, signInAs, signOut, type Chromium } from './chromium';
import { useStorefrontSession, type StorefrontProcess } from './storefrontProcess';

/**
 * Orders and comments after the sale, end to end: Bob buys and reviews (a verified purchase), Sam
 * (staff) ships his order from the staff area's Orders and Bob sees it shipped; a cancellation
 * that comes too late is refused in words; Sam hides a comment and shoppers no longer see or count
 * it, then shows it again. Each test continues where the previous one left the shop. Screenshots:
 * test-results/screenshots/.
 */
// A step waits on page loads, API round trips and Vite's first compile of a module.
jest.setTimeout(60_000);

const STAFF = 'Sam (staff)';
const TOM = 'Arrived well packed. A little smaller than I expected.';

const session = useStorefrontSession();
let storefront: StorefrontProcess;
let chromium: Chromium;
let page: Page;
beforeAll(() => ({ storefront, chromium, page } = session));

async function openStaffSection(tab: 'Products' | 'Orders'): Promise<void> {
  await headerLink(page, 'Staff').click();
  await page.getByRole('heading', { name: 'Staff area', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: tab }).click();
  await page.getByRole('table', { name: tab }).waitFor();
}

async function openOrders(): Promise<void> {
  await headerLink(page, 'Orders').click();
  await page.getByRole('heading', { name: 'Your orders' }).waitFor();
}

/** Chooses a status filter, and waits for the section it opens (the link it chose is current). */
async function filterOrders(status: 'All' | 'Placed' | 'Shipped' | 'Cancelled'): Promise<void> {
  const filter = page.getByRole('navigation', { name: 'Order status' });
  await filter.getByRole('link', { name: status, exact: true }).click();
  await filter.locator('[aria-current="page"]', { hasText: status }).waitFor();
  await page.getByRole('table', { name: 'Orders' }).waitFor();
}

/** The staff orders table's row (a tbody) of the one order the customer whose user id is `customer` placed. */
function staffOrderOf(customer: string): Locator {
  return page
    .getByRole('table', { name: 'Orders' })
    .locator('tbody')
    .filter({ has: page.getByRole('cell', { name: customer, exact: true }) });
}

/** The moderation table's row of `text`, in the visible or the hidden comments. */
function moderatedComment(table: 'Visible comments' | 'Hidden comments', text: string): Locator {
  return page.getByRole('table', { name: table }).locator('tbody').filter({ hasText: text });
}

describe('orders and comments in the staff area, in a browser', () => {
  test('a shopper buys Morning Mug: the order is Placed, and their review says "Verified purchase"', async () => {
    // Prepare
    await page.goto(storefront.storefrontUrl);
    await signInAs(page, 'Bob');
    await productCard(page, 'Morning Mug').getByRole('button', { name: 'Add to cart' }).click();
    await page.getByTestId('cart-badge').filter({ hasText: /^1$/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('button', { name: 'Check out' }).click();
    const order = page.locator('article.order.just-placed');
    await order
      .getByTestId('order-status')
      .filter({ hasText: /^Placed$/ })
      .waitFor();
    await order.getByRole('button', { name: /^Cancel order / }).waitFor();

    // Act
    await page.goto(`${storefront.storefrontUrl}#/products/morning-mug`);
    await page.getByLabel('Your comment').fill('Exactly one good coffee, every morning.');
    await page.getByRole('button', { name: 'Post comment' }).click();

    // Assess
    await page.getByText('Thank you! Your comment is posted.').waitFor();
    const reviews = page.locator('.comment');
    await reviews.filter({ hasText: 'Exactly one good coffee' }).getByText('Verified purchase').waitFor();
    expect(
      await reviews.filter({ hasText: 'My new favourite mug.' }).getByText('Verified purchase').count(),
    ).toBe(0);
    await chromium.screenshot('20-verified-purchase');
  });

  test("staff list every order, filter the placed ones, and ship the shopper's: the row says Shipped", async () => {
    // Prepare: the table names a customer by their user id, the pool's `sub` for Bob.
    const bob = await userIdOf(storefront, 'Bob');
    await signOut(page);
    await signInAs(page, STAFF);
    await openStaffSection('Orders');
    await staffOrderOf(bob).waitFor();
    await filterOrders('Placed');
    const row = staffOrderOf(bob);

    // Act
    await row
      .getByTestId('order-status')
      .filter({ hasText: /^Placed$/ })
      .waitFor();
    expect(await row.getByRole('row').first().getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([bob, '1', '$14.99']),
    );
    await row.getByRole('button', { name: /^Ship order / }).click();

    // Assess
    await row
      .getByTestId('order-status')
      .filter({ hasText: /^Shipped on / })
      .waitFor();
    await row
      .getByRole('status')
      .filter({ hasText: /is shipped\.$/ })
      .waitFor();
    expect(await row.getByRole('button', { name: /^Ship/ }).count()).toBe(0);
    await chromium.screenshot('21-staff-order-shipped');
    await filterOrders('Shipped');
    await staffOrderOf(bob)
      .getByTestId('order-status')
      .filter({ hasText: /^Shipped on / })
      .waitFor();
    await filterOrders('Cancelled');
    await page.getByText('No cancelled orders.').waitFor();
    expect(await page.getByRole('table', { name: 'Orders' }).locator('tbody').count()).toBe(0);
  });

  test("the shopper's orders page then shows Shipped, and no Cancel button", async () => {
    // Act
    await signOut(page);
    await signInAs(page, 'Bob');
    await openOrders();

    // Assess
    const order = page.getByRole('article', { name: /^Order / });
    await order
      .getByTestId('order-status')
      .filter({ hasText: /^Shipped on / })
      .waitFor();
    expect(await order.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
  });

  test('refuses in words a cancellation that comes after staff shipped, and shows the order Shipped', async () => {
    // Prepare: Bob places a second order, his page shows it Placed, then staff ship it.
    const bob = await apiAs(storefront, 'Bob');
    await bob('mutation { addToCart(productId: "tea-tin", quantity: 2) { itemCount } }');
    const { checkout } = (await bob('mutation($key: String!) { checkout(idempotencyKey: $key) { id } }', {
      key: randomUUID(),
    })) as { checkout: { id: string } };
    await page.reload();
    const order = page.getByRole('article', { name: /^Order / }).filter({ hasText: 'Tea Tin' });
    await order
      .getByTestId('order-status')
      .filter({ hasText: /^Placed$/ })
      .waitFor();
    const staff = await apiAs(storefront, STAFF);
    await staff('mutation($id: ID!) { shipOrder(id: $id) { status } }', { id: checkout.id });

    // Act
    await order.getByRole('button', { name: /^Cancel order / }).click();

    // Assess
    await page
      .getByRole('alert')
      .filter({ hasText: 'This order has shipped: it can no longer be cancelled.' })
      .waitFor();
    await order
      .getByTestId('order-status')
      .filter({ hasText: /^Shipped on / })
      .waitFor();
    expect(await order.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    await chromium.screenshot('22-cancel-after-shipping');
  });

  test('staff hide a comment: the product page no longer shows nor counts it', async () => {
    // Prepare
    await signOut(page);
    await signInAs(page, STAFF);
    await openStaffSection('Products');
    await page
      .getByTestId('staff-product-lonely-bird')
      .getByRole('link', { name: 'Comments on Lonely Bird' })
      .click();
    await page.getByRole('heading', { name: 'Comments on Lonely Bird' }).waitFor();
    const summary = page.getByTestId('comment-summary');
    expect(await summary.textContent()).toBe('3 comments shown to shoppers · ★ 4.5 average');
    expect(await page.getByText('No hidden comments.').isVisible()).toBe(true);

    // Act
    await moderatedComment('Visible comments', TOM)
      .getByRole('button', { name: 'Hide comment by Tom' })
      .click();

    // Assess
    await summary.filter({ hasText: '2 comments shown to shoppers · ★ 5.0 average' }).waitFor();
    await moderatedComment('Hidden comments', TOM)
      .getByRole('button', { name: 'Unhide comment by Tom' })
      .waitFor();
    expect(await moderatedComment('Visible comments', TOM).count()).toBe(0);
    await page.getByRole('status').filter({ hasText: "Tom's comment is hidden" }).waitFor();
    await chromium.screenshot('23-staff-comment-hidden');
    await page.goto(`${storefront.storefrontUrl}#/products/lonely-bird`);
    await page.getByRole('heading', { name: 'Comments (2)' }).waitFor();
    expect(await page.getByText(TOM).count()).toBe(0);
  });

  test('staff unhide it: the product page shows and counts it again', async () => {
    // Prepare
    await page.goto(`${storefront.storefrontUrl}#/staff/products/lonely-bird/comments`);
    await page.getByRole('heading', { name: 'Comments on Lonely Bird' }).waitFor();

    // Act
    await moderatedComment('Hidden comments', TOM)
      .getByRole('button', { name: 'Unhide comment by Tom' })
      .click();

    // Assess
    const summary = page.getByTestId('comment-summary');
    await summary.filter({ hasText: '3 comments shown to shoppers · ★ 4.5 average' }).waitFor();
    await moderatedComment('Visible comments', TOM)
      .getByRole('button', { name: 'Hide comment by Tom' })
      .waitFor();
    await page.getByText('No hidden comments.').waitFor();
    await page.goto(`${storefront.storefrontUrl}#/products/lonely-bird`);
    await page.getByRole('heading', { name: 'Comments (3)' }).waitFor();
    await page.getByText(TOM).waitFor();
  });
});
