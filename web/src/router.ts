/**
 * A hash router: `#/`, `#/products/<id>`, `#/cart`, `#/orders`, `#/sign-in`, and the staff area's
 * `#/staff` (products) and `#/staff/promotions`, each with optional
 * query parameters. The hash keeps the storefront a set of static files (no server routes) and
 * makes every page a bookmarkable URL.
 */
export type Route =
  | { page: 'home'; after?: string }
  | { page: 'product'; id: string; after?: string }
  | { page: 'cart' }
  | { page: 'orders'; after?: string; placed?: string }
  | { page: 'signIn'; next?: string }
  | { page: 'staff'; section: StaffSection }
  | { page: 'notFound' };

export type StaffSection = 'products' | 'promotions';

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(search);
  const optional = (name: string) => params.get(name) ?? undefined;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = segments;
  if (segments.length === 0) return { page: 'home', after: optional('after') };
  if (first === 'products' && second && segments.length === 2) {
    return { page: 'product', id: second, after: optional('after') };
  }
  if (segments.length === 1 && first === 'cart') return { page: 'cart' };
  if (segments.length === 1 && first === 'orders') {
    return { page: 'orders', after: optional('after'), placed: optional('placed') };
  }
  if (segments.length === 1 && first === 'sign-in') return { page: 'signIn', next: optional('next') };
  if (first === 'staff' && segments.length === 1) return { page: 'staff', section: 'products' };
  if (first === 'staff' && segments.length === 2 && second === 'promotions') {
    return { page: 'staff', section: 'promotions' };
  }
  return { page: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'home':
      return `#/${query({ after: route.after })}`;
    case 'product':
      return `#/products/${encodeURIComponent(route.id)}${query({ after: route.after })}`;
    case 'cart':
      return '#/cart';
    case 'orders':
      return `#/orders${query({ after: route.after, placed: route.placed })}`;
    case 'signIn':
      return `#/sign-in${query({ next: route.next })}`;
    case 'staff':
      return route.section === 'products' ? '#/staff' : '#/staff/promotions';
    case 'notFound':
      return '#/';
  }
}

function query(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
}
