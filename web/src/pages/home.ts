import { execute } from '../api';
import { h, show } from '../dom';
import { graphql } from '../generated';
import type { ProductFilter } from '../generated/graphql';
import { formatCents } from '../money';
import { hrefFor, type Browse } from '../router';
import { loading, showError, type View } from '../view';
import { browseForm, categoryNav, isFiltered, type CategoryLink } from './browseForm';
import { productCard } from './productCard';

const PAGE_SIZE = 20;

/**
 * One request: the categories for the navigation, a page of products in the chosen order and
 * filter (each with whether it is in the cart), and the cart badge.
 */
const HomePage = graphql(`
  query HomePage(
    $first: Int!
    $after: String
    $sort: ProductSort
    $filter: ProductFilter
    $signedIn: Boolean!
  ) {
    categories {
      slug
      name
      productCount
    }
    products(first: $first, after: $after, sort: $sort, filter: $filter) {
      nodes {
        ...ProductCard
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    cart @include(if: $signedIn) {
      itemCount
    }
  }
`);

/** Only when the listing itself was refused (a search the API does not take): the navigation still shows. */
const BrowseCategories = graphql(`
  query BrowseCategories {
    categories {
      slug
      name
      productCount
    }
  }
`);

export async function renderHome(view: View, browse: Browse, after: string | undefined): Promise<void> {
  const { main } = view.layout;
  show(main, loading());
  try {
    const data = await execute(HomePage, {
      first: PAGE_SIZE,
      after,
      sort: browse.sort,
      // An absent filter lists the whole catalogue from its by-name index, the cheapest read.
      filter: filterOf(browse),
      signedIn: view.session !== null,
    });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart?.itemCount ?? null);
    const { nodes, pageInfo } = data.products;
    const form = browseForm(view, browse);
    const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    show(
      main,
      ...heading(data.categories, browse),
      form.element,
      summary(browse, nodes.length, next !== null),
      nodes.length > 0
        ? h(
            'ul',
            { class: 'product-grid', 'aria-label': 'Products' },
            ...nodes.map((product) => h('li', {}, productCard(view, product))),
          )
        : null,
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Product pages' },
        after ? h('a', { href: hrefFor({ page: 'home', ...browse }) }, 'First page') : null,
        next ? h('a', { href: hrefFor({ page: 'home', ...browse, after: next }) }, 'Next page') : null,
      ),
    );
    form.restoreFocus();
  } catch (error) {
    if (!view.isCurrent()) return;
    showError(view, error, { subject: 'browse' });
    await showRefused(view, browse);
  }
}

/** The filter the API takes, or undefined when nothing narrows the list. */
function filterOf(browse: Browse): ProductFilter | undefined {
  const filter: ProductFilter = {
    category: browse.category,
    search: browse.search,
    minPrice: browse.minPrice,
    maxPrice: browse.maxPrice,
    inStock: browse.inStock,
  };
  return Object.values(filter).some((value) => value !== undefined) ? filter : undefined;
}

/** `categories` empty: they could not be read, so an unknown category cannot be told apart. */
function heading(categories: readonly CategoryLink[], browse: Browse): HTMLElement[] {
  const category = categories.find((known) => known.slug === browse.category);
  const unknown = browse.category !== undefined && !category && categories.length > 0;
  const title = category?.name ?? (unknown ? 'No such category' : 'Products');
  return [h('h1', {}, title), categoryNav(categories, browse)];
}

/**
 * Says what the filters are and what came of them. A narrow filter may answer a short page, even
 * an empty one, with more to read after it (the API stops after a few batches): then "Next page"
 * carries on, and the sentence does not claim that nothing matches.
 */
function summary(browse: Browse, count: number, more: boolean): HTMLElement {
  const { search, minPrice: min, maxPrice: max } = browse;
  const terms = [
    search === undefined ? null : `matching “${search}”`,
    min !== undefined && max !== undefined ? `from ${formatCents(min)} to ${formatCents(max)}` : null,
    min !== undefined && max === undefined ? `from ${formatCents(min)}` : null,
    min === undefined && max !== undefined ? `up to ${formatCents(max)}` : null,
    browse.inStock ? 'in stock' : null,
  ].filter((term): term is string => term !== null);
  const what = terms.length === 0 ? '' : ` ${terms.join(', ')}`;
  let text: string;
  if (count > 0)
    text = `${count} ${count === 1 ? 'product' : 'products'}${what}${more ? ' on this page' : ''}.`;
  else if (more) text = `None of the products read so far is${what}: the next page carries on looking.`;
  else text = isFiltered(browse) ? `No products${what} here.` : 'There are no products yet.';
  return h('p', { class: 'summary', role: 'status', 'data-testid': 'browse-summary' }, text);
}

/**
 * The listing was refused (the message above says why): the page keeps the form with what the
 * shopper typed, so they can fix it, and the categories, read on their own.
 */
async function showRefused(view: View, browse: Browse): Promise<void> {
  const form = browseForm(view, browse);
  let categories: CategoryLink[] = [];
  try {
    categories = (await execute(BrowseCategories)).categories;
  } catch {
    // The message already on screen says what failed; the form alone still lets them fix it.
  }
  if (!view.isCurrent()) return;
  show(
    view.layout.main,
    ...heading(categories, browse),
    form.element,
    h('p', { class: 'summary' }, 'The products could not be listed.'),
  );
  form.restoreFocus();
}
