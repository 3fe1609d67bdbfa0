import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { apiAs } from './apiAs';
import { productCard, signInAs, type Chromium } from './chromium';
import { useStorefrontSession, type StorefrontProcess } from './storefrontProcess';

/**
 * The staff area, end to end: Sam (staff) signs in through the storefront's user pool, edits the
 * catalogue and the promotion codes, and shoppers see the result in the shop. Each test continues
 * where the previous one left the shop. Screenshots: test-results/screenshots/.
 */
// A step waits on page loads, API round trips and Vite's first compile of a module.
jest.setTimeout(60_000);

const STAFF = 'Sam (staff)';

const session = useStorefrontSession();
let storefront: StorefrontProcess;
let chromium: Chromium;
let page: Page;
beforeAll(() => ({ storefront, chromium, page } = session));

/** A link of the header's navigation (the staff area has a "Products" link of its own). */
function headerLink(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function openShop(): Promise<void> {
  await headerLink('Products').click();
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
}

async function openStaffArea(section: 'Products' | 'Promotions'): Promise<void> {
  await headerLink('Staff').click();
  await page.getByRole('heading', { name: 'Staff area', level: 1 }).waitFor();
  if (section === 'Promotions') {
    await page
      .getByRole('navigation', { name: 'Staff area' })
      .getByRole('link', { name: 'Promotions' })
      .click();
  }
  await page.getByRole('table', { name: section === 'Products' ? 'Products' : 'Promotion codes' }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
}

/** The staff table's row of a product, after "More" as often as it takes to show it. */
async function staffProduct(id: string): Promise<Locator> {
  const row = page.getByTestId(`staff-product-${id}`);
  const rows = page.getByRole('table', { name: 'Products' }).locator('tbody');
  while ((await row.count()) === 0) {
    // The table may be re-rendering (loading): wait for its rows before deciding anything.
    await rows.first().waitFor();
    const shown = await rows.count();
    const more = page.getByRole('button', { name: 'More products' });
    if ((await more.count()) === 0) throw new Error(`${id} is not in the staff table`);
    await more.click();
    await rows.nth(shown).waitFor();
  }
  return row;
}

function stockOf(row: Locator, units: number): Locator {
  return row.getByTestId('stock').filter({ hasText: new RegExp(`^${units}$`) });
}

describe('the staff area in a browser', () => {
  test('is never offered to a shopper, and tells one who types its address that it is for staff', async () => {
    // Act
    await page.goto(storefront.storefrontUrl);
    await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
    const anonymousLinks = await headerLink('Staff').count();
    await signInAs(page, 'Alice');
    const shopperLinks = await headerLink('Staff').count();
    await page.goto(`${storefront.storefrontUrl}#/staff`);

    // Assess
    await page.getByText('The staff area is for staff members.').waitFor();
    expect(anonymousLinks).toBe(0);
    expect(shopperLinks).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    await signOut();
  });

  test('offers the staff area to Sam (staff): every product with its code, price, stock and status', async () => {
    // Act
    await signInAs(page, STAFF);
    await openStaffArea('Products');

    // Assess
    const row = await staffProduct('lonely-bird');
    expect(await row.getByRole('rowheader').textContent()).toBe('Lonely Bird');
    expect(await row.getByRole('cell', { name: 'LB-001' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Price of Lonely Bird' }).inputValue()).toBe('$29.99');
    await stockOf(row, 40).waitFor();
    expect(await row.getByText('In catalogue').count()).toBe(1);
    await chromium.screenshot('10-staff-products');
  });

  test('changes a price, and the shop shows the new one', async () => {
    // Prepare
    const row = await staffProduct('lonely-bird');

    // Act
    await page.getByRole('textbox', { name: 'Price of Lonely Bird' }).fill('24.50');
    await page.getByRole('button', { name: 'Save price of Lonely Bird' }).click();

    // Assess
    await row.getByRole('status').filter({ hasText: 'Price of Lonely Bird saved: $24.50.' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Price of Lonely Bird' }).inputValue()).toBe('$24.50');
    await openShop();
    expect(await productCard(page, 'Lonely Bird').getByText('$24.50').count()).toBe(1);
  });

  test('adds 5 units, then, after a sale it did not see, says what the stock changed to', async () => {
    // Prepare
    await openStaffArea('Products');
    let row = await staffProduct('lonely-bird');
    await page.getByRole('spinbutton', { name: 'Adjust stock of Lonely Bird by' }).fill('5');
    await page.getByRole('button', { name: 'Adjust stock of Lonely Bird' }).click();
    await stockOf(row, 45).waitFor();
    await row.getByRole('status').filter({ hasText: 'adjusted by +5: now 45' }).waitFor();
    // Carol buys 2 while the page still shows 45.
    const carol = await apiAs(storefront, 'Carol');
    await carol('mutation { addToCart(productId: "lonely-bird", quantity: 2) { itemCount } }');
    await carol('mutation($key: String!) { checkout(idempotencyKey: $key) { id } }', { key: randomUUID() });

    // Act
    await page.getByRole('spinbutton', { name: 'Adjust stock of Lonely Bird by' }).fill('5');
    await page.getByRole('button', { name: 'Adjust stock of Lonely Bird' }).click();

    // Assess: nothing written, the stock shown is the real one, and the retry applies to it.
    const alert = row.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The stock changed to 43 meanwhile (a sale or another change). Review it and try again.',
    );
    await stockOf(row, 43).waitFor();
    await chromium.screenshot('11-staff-stock-conflict');
    await page.getByRole('button', { name: 'Adjust stock of Lonely Bird' }).click();
    await stockOf(row, 48).waitFor();
    await page.reload();
    row = await staffProduct('lonely-bird');
    await stockOf(row, 48).waitFor();
  });

  test('archives a product: shoppers no longer see it, and unarchiving brings it back', async () => {
    // Prepare
    let row = await staffProduct('desk-cactus');

    // Act
    await page.getByRole('button', { name: 'Archive Desk Cactus' }).click();
    await row.getByText('Archived', { exact: true }).waitFor();
    await openShop();
    await productCard(page, 'Lonely Bird').waitFor();
    const cardsWhileArchived = await productCard(page, 'Desk Cactus').count();
    await openStaffArea('Products');
    row = await staffProduct('desk-cactus'); // now after the live products: on the second page
    await page.getByRole('button', { name: 'Unarchive Desk Cactus' }).click();
    await row.getByText('In catalogue').waitFor();
    await openShop();

    // Assess
    expect(cardsWhileArchived).toBe(0);
    await productCard(page, 'Desk Cactus').waitFor();
  });

  test('creates a product that the shop then lists, and refuses its id a second time inline', async () => {
    // Prepare
    await openStaffArea('Products');
    const form = page.getByRole('form', { name: 'New product' });
    const fill = async () => {
      await form.getByLabel('Name', { exact: true }).fill('Glass Teapot');
      await form.getByLabel('Code', { exact: true }).fill('GT-015');
      await form.getByLabel('Price ($)').fill('39');
      await form.getByLabel('Stock', { exact: true }).fill('12');
    };

    // Act
    await fill();
    await form.getByRole('button', { name: 'Create product' }).click();
    await form.getByRole('status').filter({ hasText: 'Glass Teapot (id glass-teapot)' }).waitFor();
    await fill();
    await form.getByRole('button', { name: 'Create product' }).click();

    // Assess
    await form
      .getByRole('alert')
      .filter({ hasText: 'A product with the id glass-teapot already exists. Choose another id.' })
      .waitFor();
    await stockOf(page.getByTestId('staff-product-glass-teapot'), 12).waitFor();
    await openShop();
    expect(await productCard(page, 'Glass Teapot').getByText('$39.00').count()).toBe(1);
  });

  test('creates a fixed-amount code, and switches another off', async () => {
    // Prepare
    await openStaffArea('Promotions');
    const form = page.getByRole('form', { name: 'New promotion code' });

    // Act
    await form.getByLabel('Code', { exact: true }).fill('tenoff');
    await form.getByLabel('Kind').selectOption('FIXED_AMOUNT');
    await form.getByLabel('Amount off ($)').fill('10.00');
    await form.getByLabel('Minimum subtotal ($, optional)').fill('20');
    await form.getByLabel('Usage limit (optional)').fill('5');
    await form.getByRole('button', { name: 'Create code' }).click();
    await form.getByRole('status').filter({ hasText: 'TENOFF is ready: $10.00 off.' }).waitFor();
    await page.getByLabel('HALFOFF active').uncheck();
    await page.getByTestId('staff-promotion-HALFOFF').getByRole('status').waitFor();

    // Assess
    await page.reload();
    const tenOff = page.getByTestId('staff-promotion-TENOFF');
    await tenOff.waitFor();
    expect(await tenOff.getByRole('row').first().getByRole('cell').allTextContents()).toEqual([
      'Fixed amount',
      '$10.00',
      '$20.00',
      'Always',
      '0 / 5',
      '',
    ]);
    expect(await page.getByLabel('TENOFF active').isChecked()).toBe(true);
    expect(await page.getByLabel('HALFOFF active').isChecked()).toBe(false);
    expect(await page.getByTestId('staff-promotion-FIVEOFF').getByTestId('usage').textContent()).toBe(
      '0 / 100',
    );
    await chromium.screenshot('12-staff-promotions');
  });

  test('a shopper, offered no staff link, applies the new code in the cart and sees the discount', async () => {
    // Prepare
    await signOut();
    await signInAs(page, 'Bob');
    await productCard(page, 'Lonely Bird').getByRole('button', { name: 'Add to cart' }).click();
    await page.getByTestId('cart-badge').filter({ hasText: /^1$/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('cell', { name: 'Lonely Bird', exact: true }).waitFor();

    // Act
    await page.getByRole('textbox', { name: 'Promotion code' }).fill('HALFOFF');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('alert').filter({ hasText: 'That promotion code is not valid' }).waitFor();
    await page.getByRole('textbox', { name: 'Promotion code' }).fill('tenoff');
    await page.getByRole('button', { name: 'Apply' }).click();

    // Assess
    await page.getByText('Promotion TENOFF applied.').waitFor();
    expect(await page.getByTestId('subtotal').textContent()).toBe('$24.50');
    expect(await page.getByTestId('discount').textContent()).toBe('−$10.00');
    expect(await page.getByTestId('total').textContent()).toBe('$14.50');
    expect(await headerLink('Staff').count()).toBe(0);
    await chromium.screenshot('13-cart-with-staff-code');
    await page.getByRole('button', { name: 'Check out' }).click();
    await page.getByText('Thank you! Your order is placed.').waitFor();
  });

  test("counts the shopper's order in the code's usage", async () => {
    // Act
    await signOut();
    await signInAs(page, STAFF);
    await openStaffArea('Promotions');

    // Assess
    expect(await page.getByTestId('staff-promotion-TENOFF').getByTestId('usage').textContent()).toBe('1 / 5');
  });
});
