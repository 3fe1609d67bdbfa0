import { execute } from '../../api';
import { h } from '../../dom';
import { graphql } from '../../generated';
import type { StaffPromotionFragment } from '../../generated/graphql';
import { formatCents } from '../../money';
import type { View } from '../../view';
import { inlineMessage, whileBusy } from './inline';

/** What the staff table shows of a promotion code; both promotion mutations answer it. */
graphql(`
  fragment StaffPromotion on Promotion {
    code
    kind
    value
    minimumSubtotal
    startsAt
    endsAt
    usageLimit
    timesUsed
    active
  }
`);

const SetPromotionActive = graphql(`
  mutation SetPromotionActive($code: String!, $active: Boolean!) {
    updatePromotion(code: $code, input: { active: $active }) {
      ...StaffPromotion
    }
  }
`);

export const PROMOTION_COLUMNS = ['Code', 'Kind', 'Value', 'Minimum', 'Dates', 'Used', 'Active'] as const;

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** "10 %" or "$5.00": a percentage or cents, by kind. */
export function promotionValue(promotion: Pick<StaffPromotionFragment, 'kind' | 'value'>): string {
  return promotion.kind === 'PERCENTAGE' ? `${promotion.value} %` : formatCents(promotion.value);
}

function period({ startsAt, endsAt }: StaffPromotionFragment): string {
  const from = startsAt ? `from ${dateTimeFormat.format(new Date(startsAt))}` : '';
  const until = endsAt ? `until ${dateTimeFormat.format(new Date(endsAt))}` : '';
  return [from, until].filter(Boolean).join(' ') || 'Always';
}

/**
 * One promotion code of the staff table, as a `tbody` of two rows: the code with its terms and usage,
 * and the message about the last change. The active box switches the code on or off at once (carts
 * follow; placed orders never change), and the row repaints from the API's answer.
 */
export function promotionRow(view: View, initial: StaffPromotionFragment): HTMLTableSectionElement {
  let promotion = initial;
  const { code } = promotion;
  const messageRow = h('tr', { class: 'row-message' });
  const message = inlineMessage(view, messageRow);
  messageRow.append(h('td', { colspan: PROMOTION_COLUMNS.length }, message.element));

  const value = h('td', {});
  const minimum = h('td', {});
  const dates = h('td', {});
  const used = h('td', { 'data-testid': 'usage' });
  const active = h('input', { type: 'checkbox', 'aria-label': `${code} active` });
  const row = h(
    'tr',
    {},
    h('th', { scope: 'row' }, code),
    h('td', {}, promotion.kind === 'PERCENTAGE' ? 'Percentage' : 'Fixed amount'),
    value,
    minimum,
    dates,
    used,
    h('td', {}, active),
  );

  const paint = () => {
    value.textContent = promotionValue(promotion);
    minimum.textContent = promotion.minimumSubtotal === null ? '—' : formatCents(promotion.minimumSubtotal);
    dates.textContent = period(promotion);
    used.textContent = `${promotion.timesUsed} / ${promotion.usageLimit ?? 'no limit'}`;
    active.checked = promotion.active;
  };
  paint();

  active.addEventListener('change', () => {
    const wanted = active.checked;
    void whileBusy([active], async () => {
      try {
        promotion = (await execute(SetPromotionActive, { code, active: wanted })).updatePromotion;
        message.say(
          promotion.active
            ? `${code} is active: shoppers can apply it.`
            : `${code} is inactive: it applies to nothing.`,
        );
      } catch (error) {
        message.fail(error, { subject: 'promotion' });
      }
      paint();
    });
  });

  return h('tbody', { 'data-testid': `staff-promotion-${code}` }, row, messageRow);
}
