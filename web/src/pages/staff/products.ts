import { execute } from '../../api';
import { graphql } from '../../generated';
import type { View } from '../../view';
import { newProductForm } from './newProduct';
import { renderPagedSection } from './pagedTable';
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

export function renderStaffProducts(view: View, container: HTMLElement): Promise<void> {
  return renderPagedSection(view, container, {
    title: 'Products',
    intro: 'Every product, archived ones last. Prices in dollars, stock in units.',
    columns: PRODUCT_COLUMNS,
    subject: 'product',
    load: async (after) => {
      const data = await execute(StaffProductsPage, { first: PAGE_SIZE, after });
      return { page: data.products, cartCount: data.cart.itemCount };
    },
    row: (product) => productRow(view, product),
    form: (prepend) => newProductForm(view, prepend),
  });
}
