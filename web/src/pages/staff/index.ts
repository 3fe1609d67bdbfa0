import { h, show } from '../../dom';
import { hrefFor, type StaffSection } from '../../router';
import type { View } from '../../view';
import { renderStaffProducts } from './products';
import { renderStaffPromotions } from './promotions';

const SECTIONS: ReadonlyArray<{ section: StaffSection; label: string }> = [
  { section: 'products', label: 'Products' },
  { section: 'promotions', label: 'Promotions' },
];

/**
 * The staff area: the catalogue (prices, stock, archiving, new products) and the promotion codes.
 * The header links here only for a staff session, read from the token's `cognito:groups`; that is
 * a courtesy, not a guard: every request the area sends is a staff operation, and the API refuses
 * it to anyone else (FORBIDDEN), as it would to a hand-typed `#/staff`.
 */
export async function renderStaff(view: View, section: StaffSection): Promise<void> {
  const { main } = view.layout;
  const here = hrefFor({ page: 'staff', section });
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
            'aria-current': target === section ? 'page' : undefined,
          },
          label,
        ),
      ),
    ),
    content,
  );
  return section === 'products' ? renderStaffProducts(view, content) : renderStaffPromotions(view, content);
}
