import { h, show } from '../../dom';
import { hrefFor, type StaffRoute, type StaffSection } from '../../router';
import type { View } from '../../view';
import { renderStaffComments } from './comments';
import { renderStaffOrders } from './orders';
import { renderStaffProducts } from './products';
import { renderStaffPromotions } from './promotions';

/** The tabs; a product's comments are reached from its row, under Products. */
const SECTIONS: ReadonlyArray<{ section: Exclude<StaffSection, 'comments'>; label: string }> = [
  { section: 'products', label: 'Products' },
  { section: 'promotions', label: 'Promotions' },
  { section: 'orders', label: 'Orders' },
];

/**
 * The staff area: the catalogue (prices, stock, archiving, new products, comment moderation), the
 * promotion codes and every customer's orders (shipping them).
 * The header links here only for a staff session, read from the token's `cognito:groups`; that is
 * a courtesy, not a guard: every request the area sends is a staff operation, and the API refuses
 * it to anyone else (FORBIDDEN), as it would to a hand-typed `#/staff`.
 */
export async function renderStaff(view: View, route: StaffRoute): Promise<void> {
  const { main } = view.layout;
  const here = hrefFor(route);
  if (!view.session) {
    show(
      main,
      h('h1', {}, 'Staff area'),
      h(
        'p',
        {},
        h('a', { href: hrefFor({ page: 'signIn', next: here }) }, 'Sign in'),
        ' with a staff account.',
      ),
    );
    return;
  }
  if (!view.session.staff) {
    show(
      main,
      h('h1', {}, 'Staff area'),
      h(
        'p',
        {},
        'The staff area is for staff members. ',
        h('a', { href: hrefFor({ page: 'home' }) }, 'Back to the products'),
        '.',
      ),
    );
    return;
  }
  const tab = route.section === 'comments' ? 'products' : route.section;
  const content = h('section', { class: 'staff' });
  show(
    main,
    h('h1', {}, 'Staff area'),
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'Staff area' },
      ...SECTIONS.map(({ section: target, label }) =>
        h(
          'a',
          {
            href: hrefFor({ page: 'staff', section: target }),
            'aria-current': target === tab ? 'page' : undefined,
          },
          label,
        ),
      ),
    ),
    content,
  );
  switch (route.section) {
    case 'products':
      return renderStaffProducts(view, content);
    case 'promotions':
      return renderStaffPromotions(view, content);
    case 'orders':
      return renderStaffOrders(view, content, route.status);
    case 'comments':
      return renderStaffComments(view, content, route.productId);
  }
}
