import { execute } from '../../api';
import { graphql } from '../../generated';
import type { View } from '../../view';
import { newPromotionForm } from './newPromotion';
import { renderPagedSection } from './pagedTable';
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

export function renderStaffPromotions(view: View, container: HTMLElement): Promise<void> {
  return renderPagedSection(view, container, {
    title: 'Promotion codes',
    intro: 'Used: orders placed with the code, out of its usage limit.',
    columns: PROMOTION_COLUMNS,
    subject: 'promotion',
    load: async (after) => {
      const data = await execute(StaffPromotionsPage, { first: PAGE_SIZE, after });
      return { page: data.promotions, cartCount: data.cart.itemCount };
    },
    row: (promotion) => promotionRow(view, promotion),
    form: (prepend) => newPromotionForm(view, prepend),
  });
}
