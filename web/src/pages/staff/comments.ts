import { execute } from '../../api';
import { h, show } from '../../dom';
import { graphql } from '../../generated';
import type { StaffCommentFragment, StaffCommentProductFragment } from '../../generated/graphql';
import { hrefFor } from '../../router';
import { loading, showError, type View } from '../../view';
import { COMMENT_COLUMNS, commentRow } from './commentRow';
import { inlineMessage } from './inline';
import { pagedTable, type Page, type PagedTable } from './pagedTable';

const PAGE_SIZE = 10;

/**
 * One request: the product (archived ones too: staff read them), the first page of its visible
 * comments and of those staff hid (newest first), and the cart badge.
 */
const StaffCommentsPage = graphql(`
  query StaffCommentsPage($id: ID!, $first: Int!) {
    product(id: $id) {
      ...StaffCommentProduct
      comments(first: $first) {
        nodes {
          ...StaffComment
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      hiddenComments(first: $first) {
        nodes {
          ...StaffComment
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    cart {
      itemCount
    }
  }
`);

/** "More" of either table: the next page of that one alone. */
const StaffMoreComments = graphql(`
  query StaffMoreComments($id: ID!, $first: Int!, $after: String!, $hidden: Boolean!) {
    product(id: $id) {
      id
      comments(first: $first, after: $after) @skip(if: $hidden) {
        nodes {
          ...StaffComment
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      hiddenComments(first: $first, after: $after) @include(if: $hidden) {
        nodes {
          ...StaffComment
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

type Tables = Partial<Record<'visible' | 'hidden', PagedTable<StaffCommentFragment>>>;

const NO_PAGE: Page<StaffCommentFragment> = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/**
 * Moderation of one product's comments: those shoppers see, each with **Hide**, and those staff
 * hid, each with **Unhide**. A change moves the comment to the other table and repaints the
 * product's comment count and average from the API's answer.
 */
export async function renderStaffComments(
  view: View,
  container: HTMLElement,
  productId: string,
): Promise<void> {
  const back = h(
    'p',
    {},
    h('a', { href: hrefFor({ page: 'staff', section: 'products' }) }, '← All products'),
  );
  show(container, loading());
  try {
    const { product, cart } = await execute(StaffCommentsPage, { id: productId, first: PAGE_SIZE });
    if (!view.isCurrent()) return;
    view.layout.setCartCount(cart.itemCount);
    if (!product) {
      show(
        container,
        h('h2', {}, 'Product not found'),
        h('p', {}, `No product has the id ${productId}.`),
        back,
      );
      return;
    }
    const summary = h('p', { class: 'comment-summary', 'data-testid': 'comment-summary' });
    const paintSummary = (counted: StaffCommentProductFragment) => {
      summary.textContent = summaryText(counted);
    };
    paintSummary(product);
    const message = inlineMessage(view);
    const tables: Tables = {};
    const row = (comment: StaffCommentFragment): HTMLElement => {
      const element = commentRow(view, comment, (moved, counted) => {
        tables[comment.hidden ? 'hidden' : 'visible']?.remove(element);
        tables[moved.hidden ? 'hidden' : 'visible']?.prepend(moved);
        paintSummary(counted);
        message.say(
          moved.hidden
            ? `${moved.author}'s comment is hidden: shoppers no longer see it.`
            : `${moved.author}'s comment is shown to shoppers again.`,
        );
      });
      return element;
    };
    const table = (hidden: boolean, first: Page<StaffCommentFragment>) =>
      pagedTable({
        view,
        label: hidden ? 'Hidden comments' : 'Visible comments',
        columns: COMMENT_COLUMNS,
        first,
        row,
        next: async (after) => {
          const more = await execute(StaffMoreComments, { id: productId, first: PAGE_SIZE, after, hidden });
          return (hidden ? more.product?.hiddenComments : more.product?.comments) ?? NO_PAGE;
        },
        subject: 'comment',
        empty: hidden ? 'No hidden comments.' : 'No comments shown to shoppers.',
      });
    tables.visible = table(false, product.comments);
    tables.hidden = table(true, product.hiddenComments);
    show(
      container,
      h('h2', {}, `Comments on ${product.name}`),
      back,
      summary,
      message.element,
      h('h3', {}, 'Shown to shoppers'),
      tables.visible.element,
      h('h3', {}, 'Hidden by staff'),
      tables.hidden.element,
    );
  } catch (error) {
    showError(view, error);
    show(container, h('p', {}, 'The comments could not be loaded.'), back);
  }
}

/** "3 comments · ★ 4.5 average": what shoppers see counted (hidden comments are not). */
function summaryText({ commentCount, rating }: StaffCommentProductFragment): string {
  const count = `${commentCount} ${commentCount === 1 ? 'comment' : 'comments'} shown to shoppers`;
  return `${count} · ${rating === null ? 'no ratings' : `★ ${rating.toFixed(1)} average`}`;
}
