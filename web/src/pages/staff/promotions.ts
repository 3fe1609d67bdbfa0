import { execute } from '../../api';
import { h, show } from '../../dom';
import { graphql } from '../../generated';
import { loading, showError, type View } from '../../view';
import { newPromotionForm } from './newPromotion';
import { pagedTable } from './pagedTable';
import { PROMOTION_COLUMNS, promotionRow } from './promotionRow';

const PAGE_SIZE = 20;

/** One request: a page of every promotion code (in code order) with its usage, and the cart badge. */
const StaffPromotionsPage = graphql(`
  query StaffPromotionsPage($first: Int!, $after: String) {
    promotions(first: $first, after: $after) {
      nodes {
        ...StaffPromotion
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

export async function renderStaffPromotions(view: View, container: HTMLElement): Promise<void> {
  show(container, loading());
  try {
    const data = await execute(StaffPromotionsPage, { first: PAGE_SIZE });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(data.cart.itemCount);
    const table = pagedTable({
      view,
      label: 'Promotion codes',
      columns: PROMOTION_COLUMNS,
      first: data.promotions,
      row: (promotion) => promotionRow(view, promotion),
      next: async (after) => (await execute(StaffPromotionsPage, { first: PAGE_SIZE, after })).promotions,
      subject: 'promotion',
    });
    show(
      container,
      h('h2', {}, 'Promotion codes'),
      h('p', { class: 'meta' }, 'Used: orders placed with the code, out of its usage limit.'),
      table.element,
      newPromotionForm(view, table.prepend),
    );
  } catch (error) {
    showError(view, error);
    show(container, h('p', {}, 'The promotion codes could not be loaded.'));
  }
}
