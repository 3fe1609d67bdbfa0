import { execute } from '../../api';
import { h } from '../../dom';
import { graphql } from '../../generated';
import type { StaffProductFragment } from '../../generated/graphql';
import { formatCents, parseCents } from '../../money';
import type { View } from '../../view';
import { field, inlineMessage, whileBusy, wholeNumber } from './inline';

const CreateProduct = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...StaffProduct
    }
  }
`);

/** The "New product" form: name, code, price in dollars, stock, and an id made from the name unless given. */
export function newProductForm(view: View, onCreated: (product: StaffProductFragment) => void): HTMLElement {
  const name = h('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
  const code = h('input', { name: 'code', required: true, maxlength: 64, autocomplete: 'off' });
  const price = h('input', { name: 'price', required: true, inputmode: 'decimal', placeholder: '29.99' });
  const stock = h('input', { name: 'stock', type: 'number', min: 0, step: 1, value: 0 });
  const id = h('input', { name: 'id', placeholder: 'made from the name', autocomplete: 'off' });
  const create = h('button', { type: 'submit' }, 'Create product');
  const message = inlineMessage(view);
  const form = h(
    'form',
    { class: 'staff-form', 'aria-label': 'New product' },
    h('h2', {}, 'New product'),
    h(
      'div',
      { class: 'fields' },
      field('Name', name),
      field('Code', code),
      field('Price ($)', price),
      field('Stock', stock),
      field('Id (optional)', id),
    ),
    h('div', { class: 'actions' }, create),
    message.element,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const cents = parseCents(price.value);
    if (cents === null) return message.say('Enter a price in dollars, such as 29.99.', 'error');
    const units = stock.value.trim() === '' ? 0 : wholeNumber(stock);
    if (units === null || units < 0)
      return message.say('Stock is a whole number of units, 0 or more.', 'error');
    const input = {
      name: name.value,
      code: code.value,
      price: cents,
      stock: units,
      ...(id.value.trim() ? { id: id.value.trim() } : {}),
    };
    void whileBusy([name, code, price, stock, id, create], async () => {
      try {
        const { createProduct } = await execute(CreateProduct, { input });
        form.reset();
        message.say(
          `${createProduct.name} (id ${createProduct.id}) is in the catalogue at ${formatCents(createProduct.price)}.`,
        );
        onCreated(createProduct);
      } catch (error) {
        message.fail(error, { subject: 'product' });
      }
    });
  });
  return form;
}
