import { execute } from '../../api';
import { ApiError } from '../../apiError';
import { h } from '../../dom';
import { graphql } from '../../generated';
import type { StaffProductFragment } from '../../generated/graphql';
import { formatCents, parseCents } from '../../money';
import { hrefFor } from '../../router';
import type { View } from '../../view';
import { inlineMessage, whileBusy, wholeNumber } from './inline';

/** What the staff table shows of a product; every staff product mutation answers it. */
graphql(`
  fragment StaffProduct on Product {
    id
    name
    code
    price
    stock
    archived
  }
`);

const UpdateProductPrice = graphql(`
  mutation UpdateProductPrice($id: ID!, $price: Int!) {
    updateProduct(id: $id, input: { price: $price }) {
      ...StaffProduct
    }
  }
`);

/** Compare-and-swap: applied only while the stock is still the one shown (`expectedStock`). */
const AdjustStock = graphql(`
  mutation AdjustStock($productId: ID!, $delta: Int!, $expectedStock: Int!) {
    adjustStock(productId: $productId, delta: $delta, expectedStock: $expectedStock) {
      ...StaffProduct
    }
  }
`);

const ArchiveProduct = graphql(`
  mutation ArchiveProduct($id: ID!) {
    archiveProduct(id: $id) {
      ...StaffProduct
    }
  }
`);

const UnarchiveProduct = graphql(`
  mutation UnarchiveProduct($id: ID!) {
    unarchiveProduct(id: $id) {
      ...StaffProduct
    }
  }
`);

export const PRODUCT_COLUMNS = ['Product', 'Code', 'Price', 'Stock', 'Status', ''] as const;

/**
 * One product of the staff table, as a `tbody` of two rows: the product with its controls (and a
 * link to moderate its comments), and the message about the last change made from them. Each answer repaints the row from the product the
 * API returned, so what is shown is always what is stored.
 */
export function productRow(view: View, initial: StaffProductFragment): HTMLTableSectionElement {
  let product = initial;
  const { name } = product;
  const messageRow = h('tr', { class: 'row-message' });
  const message = inlineMessage(view, messageRow);
  messageRow.append(h('td', { colspan: PRODUCT_COLUMNS.length }, message.element));

  const price = h('input', {
    name: 'price',
    inputmode: 'decimal',
    size: 10,
    'aria-label': `Price of ${name}`,
  });
  const savePrice = h('button', { type: 'submit', 'aria-label': `Save price of ${name}` }, 'Save');
  const priceForm = h('form', { class: 'inline-form' }, price, savePrice);

  const stock = h('span', { class: 'stock-count', 'data-testid': 'stock' });
  const delta = h('input', {
    type: 'number',
    name: 'delta',
    step: 1,
    placeholder: '±',
    'aria-label': `Adjust stock of ${name} by`,
  });
  const adjust = h('button', { type: 'submit', 'aria-label': `Adjust stock of ${name}` }, 'Adjust');
  const stockForm = h('form', { class: 'inline-form' }, stock, delta, adjust);

  const status = h('span', { class: 'status' });
  const archive = h('button', { type: 'button', class: 'link' });
  const row = h(
    'tr',
    {},
    h('th', { scope: 'row' }, name),
    h('td', {}, product.code),
    h('td', {}, priceForm),
    h('td', {}, stockForm),
    h('td', {}, status),
    h(
      'td',
      { class: 'row-actions' },
      archive,
      h(
        'a',
        {
          href: hrefFor({ page: 'staff', section: 'comments', productId: product.id }),
          'aria-label': `Comments on ${name}`,
        },
        'Comments',
      ),
    ),
  );

  const paint = () => {
    price.value = formatCents(product.price);
    stock.textContent = String(product.stock);
    status.textContent = product.archived ? 'Archived' : 'In catalogue';
    status.className = product.archived ? 'status archived' : 'status';
    archive.textContent = product.archived ? 'Unarchive' : 'Archive';
    archive.setAttribute('aria-label', `${archive.textContent} ${name}`);
  };
  paint();

  priceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const cents = parseCents(price.value);
    if (cents === null) return message.say('Enter a price in dollars, such as 29.99.', 'error');
    void whileBusy([price, savePrice], async () => {
      try {
        const { updateProduct } = await execute(UpdateProductPrice, { id: product.id, price: cents });
        product = updateProduct;
        paint();
        message.say(`Price of ${name} saved: ${formatCents(product.price)}.`);
      } catch (error) {
        message.fail(error, { subject: 'product' });
      }
    });
  });

  stockForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const units = wholeNumber(delta);
    if (units === null || units === 0) {
      return message.say('Adjust by a whole number of units other than 0, such as 5 or -3.', 'error');
    }
    void whileBusy([delta, adjust], async () => {
      try {
        const { adjustStock } = await execute(AdjustStock, {
          productId: product.id,
          delta: units,
          expectedStock: product.stock,
        });
        product = adjustStock;
        paint();
        delta.value = '';
        message.say(`Stock of ${name} adjusted by ${units > 0 ? '+' : ''}${units}: now ${product.stock}.`);
      } catch (error) {
        // A sale (or another change) moved the stock: show the stock it moved to, so the change
        // is reviewed against it; the units typed stay for the retry.
        const actual = error instanceof ApiError ? error.extensions.actualStock : undefined;
        if (typeof actual === 'number' && Number.isInteger(actual)) {
          product = { ...product, stock: actual };
          paint();
        }
        message.fail(error, { subject: 'product', delta: units });
      }
    });
  });

  archive.addEventListener('click', () => {
    void whileBusy([archive], async () => {
      try {
        product = product.archived
          ? (await execute(UnarchiveProduct, { id: product.id })).unarchiveProduct
          : (await execute(ArchiveProduct, { id: product.id })).archiveProduct;
        paint();
        message.say(
          product.archived
            ? `${name} is archived: shoppers no longer see it.`
            : `${name} is back in the catalogue.`,
        );
      } catch (error) {
        message.fail(error, { subject: 'product' });
      }
    });
  });

  return h('tbody', { 'data-testid': `staff-product-${product.id}` }, row, messageRow);
}
