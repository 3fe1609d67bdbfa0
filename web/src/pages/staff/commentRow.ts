import { execute } from '../../api';
import { h } from '../../dom';
import { graphql } from '../../generated';
import type { StaffCommentFragment, StaffCommentProductFragment } from '../../generated/graphql';
import type { View } from '../../view';
import { inlineMessage, whileBusy } from './inline';

/** What the moderation tables show of a comment, visible or hidden. */
graphql(`
  fragment StaffComment on Comment {
    id
    author
    text
    rating
    createdAt
    verifiedPurchase
    hidden
  }
`);

/** What the moderation view says of the product: what shoppers see counted. */
graphql(`
  fragment StaffCommentProduct on Product {
    id
    name
    commentCount
    rating
  }
`);

/** Both answer the comment and its product, whose count and average the change just moved. */
const HideComment = graphql(`
  mutation HideComment($id: ID!) {
    hideComment(id: $id) {
      ...StaffComment
      product {
        ...StaffCommentProduct
      }
    }
  }
`);

const UnhideComment = graphql(`
  mutation UnhideComment($id: ID!) {
    unhideComment(id: $id) {
      ...StaffComment
      product {
        ...StaffCommentProduct
      }
    }
  }
`);

export const COMMENT_COLUMNS = ['Author', 'Comment', 'Rating', 'Written', 'Verified purchase', ''] as const;

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/**
 * One comment of a moderation table, as a `tbody` of two rows: the comment with **Hide** (or
 * **Unhide** when hidden), and the message about a change that failed. A change that succeeds
 * hands the API's answer to `onMoved`, which moves the comment to the other table.
 */
export function commentRow(
  view: View,
  comment: StaffCommentFragment,
  onMoved: (moved: StaffCommentFragment, product: StaffCommentProductFragment) => void,
): HTMLTableSectionElement {
  const messageRow = h('tr', { class: 'row-message' });
  const message = inlineMessage(view, messageRow);
  messageRow.append(h('td', { colspan: COMMENT_COLUMNS.length }, message.element));

  const label = comment.hidden ? 'Unhide' : 'Hide';
  const toggle = h(
    'button',
    { type: 'button', 'aria-label': `${label} comment by ${comment.author}` },
    label,
  );
  toggle.addEventListener('click', () => {
    void whileBusy([toggle], async () => {
      try {
        const { product, ...moved } = comment.hidden
          ? (await execute(UnhideComment, { id: comment.id })).unhideComment
          : (await execute(HideComment, { id: comment.id })).hideComment;
        onMoved(moved, product);
      } catch (error) {
        message.fail(error, { subject: 'comment' });
      }
    });
  });

  const row = h(
    'tr',
    {},
    h('th', { scope: 'row' }, comment.author),
    // Verbatim text as a text node, as on the product page.
    h('td', { class: 'comment-text' }, comment.text),
    h(
      'td',
      {},
      comment.rating === null ? '—' : `${'★'.repeat(comment.rating)}${'☆'.repeat(5 - comment.rating)}`,
    ),
    h('td', {}, dateFormat.format(new Date(comment.createdAt))),
    h('td', {}, comment.verifiedPurchase ? 'Yes' : 'No'),
    h('td', {}, toggle),
  );
  return h('tbody', { 'data-testid': `staff-comment-${comment.id}` }, row, messageRow);
}
