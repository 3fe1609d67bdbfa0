import { h } from '../dom';
import type { ProductSort } from '../generated/graphql';
import { parseCents, plainDollars } from '../money';
import { PRODUCT_SORTS, hrefFor, type Browse } from '../router';
import type { View } from '../view';

export interface CategoryLink {
  slug: string;
  name: string;
  productCount: number;
}

const SORT_LABELS: Readonly<Record<ProductSort, string>> = {
  NAME: 'Name',
  PRICE_ASC: 'Price: low to high',
  PRICE_DESC: 'Price: high to low',
  NEWEST: 'Newest first',
};

/**
 * The control the shopper last used, focused again once the page has re-rendered from the new
 * URL: the whole page is redrawn, and without this a keyboard user would start over at the top.
 */
let refocus: string | undefined;

/** Whether anything narrows or reorders the list (the "Clear filters" link is offered then). */
export function isFiltered(browse: Browse): boolean {
  return Object.values(browse).some((value) => value !== undefined);
}

/** "All products", then the categories in the store's order; each link keeps the other filters. */
export function categoryNav(categories: readonly CategoryLink[], browse: Browse): HTMLElement {
  const link = (slug: string | undefined, ...label: Array<string | HTMLElement>) =>
    h(
      'a',
      {
        href: hrefFor({ page: 'home', ...browse, category: slug }),
        'aria-current': browse.category === slug ? 'page' : undefined,
      },
      ...label,
    );
  return h(
    'nav',
    { class: 'categories', 'aria-label': 'Categories' },
    link(undefined, 'All products'),
    ...categories.map((category) =>
      link(
        category.slug,
        category.name,
        h(
          'span',
          { class: 'count', title: `${category.productCount} products` },
          String(category.productCount),
        ),
      ),
    ),
  );
}

/**
 * Search, sort, price range and stock, read from and written to the URL: applying them navigates,
 * so the page a shopper sees is always the one its address describes. The sort and the stock box
 * apply as soon as they change; the text fields on Enter or Apply. Prices are typed in dollars and
 * sent in cents; one that is not an amount is refused here, before any request.
 */
export function browseForm(view: View, browse: Browse): { element: HTMLFormElement; restoreFocus(): void } {
  const search = h('input', {
    type: 'search',
    name: 'q',
    value: browse.search ?? '',
    placeholder: 'bird, mug…',
    autocomplete: 'off',
    enterkeyhint: 'search',
  });
  const sort = h(
    'select',
    { name: 'sort' },
    ...PRODUCT_SORTS.map((value) =>
      h('option', { value, selected: (browse.sort ?? 'NAME') === value }, SORT_LABELS[value]),
    ),
  );
  const price = (name: string, cents: number | undefined, placeholder: string) =>
    h('input', {
      name,
      value: cents === undefined ? '' : plainDollars(cents),
      inputmode: 'decimal',
      autocomplete: 'off',
      placeholder,
      size: 6,
    });
  const minPrice = price('min', browse.minPrice, '0.00');
  const maxPrice = price('max', browse.maxPrice, 'any');
  const inStock = h('input', { type: 'checkbox', name: 'stock', checked: browse.inStock === true });
  const message = h('p', { class: 'inline-message error', role: 'alert', hidden: true });

  const form = h(
    'form',
    { class: 'browse', role: 'search', 'aria-label': 'Filter products', novalidate: true },
    h('label', { class: 'search' }, 'Search products', search),
    h('label', {}, 'Sort by', sort),
    h(
      'fieldset',
      { class: 'price-range' },
      h('legend', {}, 'Price in dollars'),
      h('label', {}, 'Min price ($)', minPrice),
      h('label', {}, 'Max price ($)', maxPrice),
    ),
    h('label', { class: 'check' }, inStock, 'In stock only'),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      isFiltered({ ...browse, category: undefined })
        ? h('a', { href: hrefFor({ page: 'home', category: browse.category }) }, 'Clear filters')
        : null,
    ),
    message,
  );

  const refuse = (input: HTMLInputElement, text: string) => {
    message.hidden = false;
    message.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  const readPrice = (input: HTMLInputElement): number | undefined | null =>
    input.value.trim() === '' ? undefined : parseCents(input.value);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const input of [minPrice, maxPrice]) input.removeAttribute('aria-invalid');
    const min = readPrice(minPrice);
    const max = readPrice(maxPrice);
    if (min === null) return refuse(minPrice, 'Type the lowest price in dollars, such as 12.50.');
    if (max === null) return refuse(maxPrice, 'Type the highest price in dollars, such as 40.');
    if (min !== undefined && max !== undefined && min > max) {
      return refuse(maxPrice, 'The highest price must not be below the lowest.');
    }
    const sortValue = PRODUCT_SORTS.find((value) => value === sort.value);
    refocus =
      document.activeElement instanceof HTMLElement
        ? (document.activeElement.getAttribute('name') ?? undefined)
        : undefined;
    view.navigate({
      page: 'home',
      category: browse.category,
      sort: sortValue === 'NAME' ? undefined : sortValue,
      search: search.value.trim() || undefined,
      minPrice: min,
      maxPrice: max,
      inStock: inStock.checked || undefined,
    });
  });
  for (const control of [sort, inStock]) {
    control.addEventListener('change', () => {
      // Some browsers leave a clicked checkbox unfocused: focusing it is what brings it back after.
      control.focus();
      form.requestSubmit();
    });
  }

  return {
    element: form,
    restoreFocus() {
      const name = refocus;
      refocus = undefined;
      const control = name ? form.elements.namedItem(name) : null;
      if (control instanceof HTMLElement) control.focus();
    },
  };
}
