import type { Page } from 'playwright-core';

/**
 * What the browsing suite reads and waits for on the storefront's product list. `page` answers
 * the page the suite's session opened (it is set in a beforeAll, after this is called).
 */
export function browsePage(page: () => Page) {
  /** The names of the products on the page, in the order shown. */
  function shownNames(): Promise<string[]> {
    return page().locator('.product-grid h2').allTextContents();
  }

  /**
   * Waits until the grid shows exactly `names`, in this order: a change of filter redraws the page
   * after its request, so the list is awaited, never read at once.
   */
  async function waitForProducts(names: readonly string[]): Promise<void> {
    const expected = JSON.stringify(names);
    try {
      await page().waitForFunction(
        `JSON.stringify([...document.querySelectorAll('.product-grid h2')].map((h) => h.textContent)) === ${JSON.stringify(expected)}`,
        undefined,
        { timeout: 20_000 },
      );
    } catch {
      throw new Error(`expected ${expected}, the page shows ${JSON.stringify(await shownNames())}`);
    }
  }

  function browseForm() {
    return page().getByRole('search', { name: 'Filter products' });
  }

  function categoryLink(name: string) {
    return page().getByRole('navigation', { name: 'Categories' }).getByRole('link', { name });
  }

  /** The hash's parameters, as the storefront wrote them. */
  function urlParams(): URLSearchParams {
    return new URLSearchParams(new URL(page().url()).hash.split('?')[1] ?? '');
  }

  /** Scrolls each picture into view (they load lazily), then waits until every one has loaded. */
  async function waitForPictures(): Promise<void> {
    const images = page().locator('.product-grid img');
    for (let index = 0; index < (await images.count()); index++) {
      await images.nth(index).scrollIntoViewIfNeeded();
    }
    await page().waitForFunction(
      `[...document.querySelectorAll('.product-grid img')].every((image) => image.complete && image.naturalWidth > 0)`,
    );
    await page().evaluate('window.scrollTo(0, 0)');
  }

  async function hasHorizontalOverflow(): Promise<boolean> {
    return (await page().evaluate('document.documentElement.scrollWidth > window.innerWidth')) as boolean;
  }

  return {
    waitForProducts,
    browseForm,
    categoryLink,
    urlParams,
    waitForPictures,
    hasHorizontalOverflow,
  };
}
