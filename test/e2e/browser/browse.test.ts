import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SEED_CATEGORIES, SEED_PRODUCTS } from '../../../local/seedData';
import { apiAs } from './apiAs';
import { browsePage } from './browsePage';
import { signInAs, type Chromium } from './chromium';
import { useStorefrontSession, type StorefrontProcess } from './storefrontProcess';

/**
 * Browsing the shop, end to end: categories, sort, a price range typed in dollars, in stock only
 * and a search, all kept in the URL (a reload and back/forward show the same list), paging with
 * them, the API's refusals in words, and the layout at a phone's width and a
 * laptop's. Each test continues where the previous one left the page. Screenshots:
 * test-results/screenshots/.
 */
// A step waits on page loads, API round trips and Vite's first compile of a module.
jest.setTimeout(60_000);

const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const SCREENSHOTS = path.join(PROJECT_DIR, 'test-results', 'screenshots');

const session = useStorefrontSession();
let storefront: StorefrontProcess;
let chromium: Chromium;
let page: Page;
beforeAll(() => ({ storefront, chromium, page } = session));

const { waitForProducts, browseForm, categoryLink, urlParams, waitForPictures, hasHorizontalOverflow } =
  browsePage(() => page);

const HOME_BY_PRICE = [
  'Desk Cactus',
  'Star Map',
  'Rope Basket',
  'Lonely Bird',
  'Candle Trio',
  'Paper Lantern',
];

describe('browsing the shop in a browser', () => {
  test('opens on every product with its picture, and the categories in the store order', async () => {
    // Act
    await page.goto(storefront.storefrontUrl);
    await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
    await waitForProducts([...SEED_PRODUCTS].map(({ name }) => name).sort());

    // Assess
    const categories = page.getByRole('navigation', { name: 'Categories' }).getByRole('link');
    expect((await categories.allTextContents()).map((text) => text.replace(/\d+$/, ''))).toEqual([
      'All products',
      ...SEED_CATEGORIES.map(({ name }) => name),
    ]);
    expect(await categoryLink('All products').getAttribute('aria-current')).toBe('page');
    const card = page.getByRole('article', { name: 'Lonely Bird' });
    expect(await card.getByRole('img', { name: 'Lonely Bird' }).getAttribute('src')).toBe(
      '/images/lonely-bird.svg',
    );
    expect(await page.locator('.product-grid img').count()).toBe(SEED_PRODUCTS.length);
    await waitForPictures();
  });

  test('lists only the products of the category picked, with its name as the heading', async () => {
    // Act
    await categoryLink('Home & Living').click();

    // Assess
    await page.getByRole('heading', { name: 'Home & Living', level: 1 }).waitFor();
    await waitForProducts([
      'Candle Trio',
      'Desk Cactus',
      'Lonely Bird',
      'Paper Lantern',
      'Rope Basket',
      'Star Map',
    ]);
    expect(urlParams().get('category')).toBe('home');
    expect(await categoryLink('Home & Living').getAttribute('aria-current')).toBe('page');
  });

  test('sorts the category by price, cheapest first', async () => {
    // Act
    await browseForm().getByLabel('Sort by').selectOption({ label: 'Price: low to high' });

    // Assess
    await waitForProducts(HOME_BY_PRICE);
    const prices = await page.getByTestId('price').allTextContents();
    expect(prices).toEqual(['$9.99', '$25.99', '$27.99', '$29.99', '$32.99', '$34.99']);
    expect(urlParams().get('sort')).toBe('PRICE_ASC');
    expect(urlParams().get('category')).toBe('home');
  });

  test('narrows to a price range typed in dollars, then to the products in stock', async () => {
    // Prepare: the Rope Basket sells out (staff take its stock to 0).
    const staff = await apiAs(storefront, 'Sam (staff)');
    await staff(
      'mutation { adjustStock(productId: "rope-basket", delta: -22, expectedStock: 22) { stock } }',
    );

    // Act
    await browseForm().getByLabel('Min price').fill('20');
    await browseForm().getByLabel('Max price').fill('33.00');
    await browseForm().getByRole('button', { name: 'Apply' }).click();

    // Assess: $20.00 to $33.00, the sold-out basket still listed...
    await waitForProducts(['Star Map', 'Rope Basket', 'Lonely Bird', 'Candle Trio']);
    expect(await page.getByRole('article', { name: 'Rope Basket' }).textContent()).toContain('Out of stock');
    expect([urlParams().get('min'), urlParams().get('max')]).toEqual(['20', '33']);

    // Act
    await browseForm().getByLabel('In stock only').check();

    // Assess: ...until only products in stock are asked for.
    await waitForProducts(['Star Map', 'Lonely Bird', 'Candle Trio']);
    expect(urlParams().get('stock')).toBe('1');
    expect(await page.getByTestId('browse-summary').textContent()).toBe(
      '3 products from $20.00 to $33.00, in stock.',
    );
  });

  test('searches within the filters and shows the matching products', async () => {
    // Act
    await browseForm().getByLabel('Search products').fill('bird');
    await browseForm().getByLabel('Search products').press('Enter');

    // Assess
    await waitForProducts(['Lonely Bird']);
    expect(urlParams().get('q')).toBe('bird');
    expect(await browseForm().getByLabel('Search products').inputValue()).toBe('bird');
  });

  test('shows the same filters and products after a reload, from the URL alone', async () => {
    // Act
    await page.reload();

    // Assess
    await page.getByRole('heading', { name: 'Home & Living', level: 1 }).waitFor();
    await waitForProducts(['Lonely Bird']);
    const form = browseForm();
    expect(await form.getByLabel('Search products').inputValue()).toBe('bird');
    expect(await form.getByLabel('Sort by').inputValue()).toBe('PRICE_ASC');
    expect(await form.getByLabel('Min price').inputValue()).toBe('20');
    expect(await form.getByLabel('Max price').inputValue()).toBe('33');
    expect(await form.getByLabel('In stock only').isChecked()).toBe(true);
    expect(await categoryLink('Home & Living').getAttribute('aria-current')).toBe('page');
  });

  test('goes back to the list before the search, and forward to it again', async () => {
    // Act
    await page.goBack();

    // Assess
    await waitForProducts(['Star Map', 'Lonely Bird', 'Candle Trio']);
    expect(await browseForm().getByLabel('Search products').inputValue()).toBe('');
    await page.goForward();
    await waitForProducts(['Lonely Bird']);
  });

  test('says in words why the API refused a search of six words, and keeps what was typed', async () => {
    // Act
    await browseForm().getByLabel('Search products').fill('one two three four five six');
    await browseForm().getByRole('button', { name: 'Apply' }).click();

    // Assess
    await page
      .getByRole('alert')
      .filter({ hasText: 'Search for 1 to 5 words, each of at most 30 letters or digits.' })
      .waitFor();
    expect(await browseForm().getByLabel('Search products').inputValue()).toBe('one two three four five six');
    await categoryLink('Home & Living').waitFor();
    expect(await page.locator('.product-grid').count()).toBe(0);
  });

  test('refuses a price that is not an amount before asking the API, and leaves the URL as it was', async () => {
    // Prepare
    const before = page.url();

    // Act
    await browseForm().getByLabel('Min price').fill('12.345');
    await browseForm().getByRole('button', { name: 'Apply' }).click();

    // Assess
    await browseForm()
      .getByRole('alert')
      .filter({ hasText: 'Type the lowest price in dollars, such as 12.50.' })
      .waitFor();
    expect(await browseForm().getByLabel('Min price').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toBe(before);
  });

  test('holds together at 390 px and 1280 px wide: no sideways scrolling, screenshots saved', async () => {
    // Prepare: signed in as staff, the header is at its longest.
    await page.goto(`${storefront.storefrontUrl}#/`);
    await signInAs(page, 'Sam (staff)');
    await categoryLink('Home & Living').click();
    await browseForm().getByLabel('Sort by').selectOption('PRICE_ASC');
    await waitForProducts(HOME_BY_PRICE);

    for (const width of [390, 1280]) {
      // Act
      await page.setViewportSize({ width, height: 844 });
      await waitForPictures();
      const name = `browse-home-${width}`;
      await chromium.screenshot(name);

      // Assess
      expect(existsSync(path.join(SCREENSHOTS, `${name}.png`))).toBe(true);
      expect(statSync(path.join(SCREENSHOTS, `${name}.png`)).size).toBeGreaterThan(10_000);
      expect(await hasHorizontalOverflow()).toBe(false);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${storefront.storefrontUrl}#/products/lonely-bird`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByTestId('cart-badge').filter({ hasText: /^1$/ }).waitFor();
    await chromium.screenshot('browse-product-390');
    expect(await hasHorizontalOverflow()).toBe(false);
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('cell', { name: 'Lonely Bird', exact: true }).waitFor();
    await chromium.screenshot('browse-cart-390');
    expect(await hasHorizontalOverflow()).toBe(false);
    // The staff tables are wider than a phone: they scroll inside their box, the page does not.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('table', { name: 'Products' }).waitFor();
    await chromium.screenshot('browse-staff-390');
    expect(await hasHorizontalOverflow()).toBe(false);
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  test('pages through a category with its sort kept, 20 products at a time', async () => {
    // Prepare: 21 more products in the garden, through the staff API.
    const staff = await apiAs(storefront, 'Sam (staff)');
    for (let index = 1; index <= 21; index++) {
      const number = String(index).padStart(2, '0');
      await staff('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
        input: {
          name: `Seed Packet ${number}`,
          code: `SP-${number}`,
          price: 100 + index,
          stock: 5,
          categories: ['garden'],
        },
      });
    }
    await page.goto(`${storefront.storefrontUrl}#/?category=garden&sort=PRICE_DESC`);
    const firstPage = [
      'Rope Basket',
      'Garden Gloves',
      ...[21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map(
        (index) => `Seed Packet ${String(index).padStart(2, '0')}`,
      ),
    ];
    await waitForProducts(firstPage);

    // Act
    await page.getByRole('link', { name: 'Next page' }).click();

    // Assess
    await waitForProducts(['Seed Packet 03', 'Seed Packet 02', 'Seed Packet 01']);
    expect(urlParams().get('category')).toBe('garden');
    expect(urlParams().get('sort')).toBe('PRICE_DESC');
    expect(urlParams().get('after')).not.toBeNull();
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'First page' }).click();
    await waitForProducts(firstPage);
  });
});
