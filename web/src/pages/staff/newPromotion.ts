import { execute } from '../../api';
import { h } from '../../dom';
import { graphql } from '../../generated';
import type { PromotionKind, StaffPromotionFragment } from '../../generated/graphql';
import { parseCents } from '../../money';
import type { View } from '../../view';
import { field, inlineMessage, whileBusy, wholeNumber } from './inline';
import { promotionValue } from './promotionRow';

const CreatePromotion = graphql(`
  mutation CreatePromotion($input: PromotionInput!) {
    createPromotion(input: $input) {
      ...StaffPromotion
    }
  }
`);

const VALUE_LABELS: Record<PromotionKind, string> = {
  PERCENTAGE: 'Percent off',
  FIXED_AMOUNT: 'Amount off ($)',
};

/**
 * The "New code" form: a code, its kind and value (a percentage, or dollars off), and optionally a
 * minimum subtotal and a usage limit. The code starts active, at once, for good.
 */
export function newPromotionForm(
  view: View,
  onCreated: (promotion: StaffPromotionFragment) => void,
): HTMLElement {
  const code = h('input', { name: 'code', required: true, maxlength: 64, autocomplete: 'off' });
  const kind = h(
    'select',
    { name: 'kind' },
    h('option', { value: 'PERCENTAGE' }, 'Percentage'),
    h('option', { value: 'FIXED_AMOUNT' }, 'Fixed amount'),
  );
  const valueLabel = h('span', {}, VALUE_LABELS.PERCENTAGE);
  const value = h('input', { name: 'value', required: true, inputmode: 'decimal', placeholder: '10' });
  const minimum = h('input', { name: 'minimumSubtotal', inputmode: 'decimal', placeholder: 'none' });
  const usageLimit = h('input', { name: 'usageLimit', type: 'number', min: 1, step: 1, placeholder: 'none' });
  const create = h('button', { type: 'submit' }, 'Create code');
  const message = inlineMessage(view);
  const selectedKind = (): PromotionKind => (kind.value === 'FIXED_AMOUNT' ? 'FIXED_AMOUNT' : 'PERCENTAGE');
  kind.addEventListener('change', () => {
    valueLabel.textContent = VALUE_LABELS[selectedKind()];
    value.placeholder = selectedKind() === 'PERCENTAGE' ? '10' : '5.00';
  });
  const form = h(
    'form',
    { class: 'staff-form', 'aria-label': 'New promotion code' },
    h('h2', {}, 'New code'),
    h(
      'div',
      { class: 'fields' },
      field('Code', code),
      field('Kind', kind),
      h('label', {}, valueLabel, value),
      field('Minimum subtotal ($, optional)', minimum),
      field('Usage limit (optional)', usageLimit),
    ),
    h('div', { class: 'actions' }, create),
    message.element,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = selectedKind();
    const amount = chosen === 'PERCENTAGE' ? wholePercent(value.value) : parseCents(value.value);
    if (amount === null) {
      return message.say(
        chosen === 'PERCENTAGE'
          ? 'Enter a whole percentage, such as 10.'
          : 'Enter an amount in dollars, such as 5.00.',
        'error',
      );
    }
    const minimumSubtotal = minimum.value.trim() === '' ? undefined : parseCents(minimum.value);
    if (minimumSubtotal === null) return message.say('Enter a minimum in dollars, such as 30.00.', 'error');
    const limit = usageLimit.value.trim() === '' ? undefined : wholeNumber(usageLimit);
    if (limit === null) return message.say('A usage limit is a whole number, 1 or more.', 'error');
    const input = {
      code: code.value.trim(),
      kind: chosen,
      value: amount,
      ...(minimumSubtotal === undefined ? {} : { minimumSubtotal }),
      ...(limit === undefined ? {} : { usageLimit: limit }),
    };
    void whileBusy([code, kind, value, minimum, usageLimit, create], async () => {
      try {
        const { createPromotion } = await execute(CreatePromotion, { input });
        form.reset();
        valueLabel.textContent = VALUE_LABELS.PERCENTAGE;
        message.say(`${createPromotion.code} is ready: ${promotionValue(createPromotion)} off.`);
        onCreated(createPromotion);
      } catch (error) {
        message.fail(error, { subject: 'promotion' });
      }
    });
  });
  return form;
}

function wholePercent(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, '');
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}
