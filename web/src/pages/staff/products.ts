import { execute } from '../../api';
import { h, show } from '../../dom';
import { graphql } from '../../generated';
import { loading, showError, type View } from '../../view';
import { newProductForm } from './newProduct';
import { pagedTable } from './pagedTable';
import { PRODUCT_COLUMNS, productRow } from './productRow';

const PAGE_SIZE = 10;

/**
 * One request: a page of every product, archived ones included (they follow the live ones), and
 * the cart badge. "More" sends it again for the next page.
 */
const StaffProductsPage = graphql(`
  query StaffProductsPage($first: Int!, $after: String) {
    products(first: $first, after: $after, includeArchived: true) {
      nodes {
        ...StaffProduct
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    cart {
      itemCount
    }
  }
`);

export async function renderStaffProducts(view: View, container: HTMLElement): Promise<void> {
  show(container, loading());
  try {
    const data = await execute(StaffProductsPage, { first: PAGE_SIZE });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart.itemCount);
    const table = pagedTable({
      view,
      label: 'Products',
      columns: PRODUCT_COLUMNS,
      first: data.products,
      row: (product) => productRow(view, product),
      next: async (after) => (await execute(StaffProductsPage, { first: PAGE_SIZE, after })).products,
      subject: 'product',
    });
    show(
      container,
      h('h2', {}, 'Products'),
      h('p', { class: 'meta' }, 'Every product, archived ones last. Prices in dollars, stock in units.'),
      table.element,
      newProductForm(view, table.prepend),
    );
  } catch (error) {
    showError(view, error);
    show(container, h('p', {}, 'The products could not be loaded.'));
  }
}
