import { HOME_PAGE_ANONYMOUS, PRODUCT_PAGE_ANONYMOUS } from '../operations';
import { pick, step, type Scenario } from './scenario';

/**
 * Anonymous visitors: the home page (20 products with their latest comments), then two product
 * pages with their comments. Read-only, so every invariant also proves that reading wrote nothing.
 */
export const browse: Scenario = {
  name: 'browse',
  summary: 'anonymous visitors: home page, then two product pages with comments',
  expectedCodes: [],
  async prepare({ recorder, productIds }) {
    const productPage = () => ({ variables: { id: pick(productIds) } });
    return {
      sequenceFor: () => [
        step(recorder, HOME_PAGE_ANONYMOUS, () => ({})),
        step(recorder, PRODUCT_PAGE_ANONYMOUS, productPage),
        step(recorder, PRODUCT_PAGE_ANONYMOUS, productPage),
      ],
    };
  },
};
