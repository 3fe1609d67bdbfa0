import type { OrderStatus } from './generated/graphql';

/**
 * A hash router: `#/`, `#/products/<id>`, `#/cart`, `#/orders`, `#/sign-in`, and the staff area's
 * `#/staff` (products), `#/staff/promotions`, `#/staff/orders` (`?status=` filters) and
 * `#/staff/products/<id>/comments` (a product's comments to moderate), each with optional query
 * parameters. The hash keeps the storefront a set of static files (no server routes) and makes
 * every page a bookmarkable URL.
 */
export type Route =
  | { page: 'home'; after?: string }
  | { page: 'product'; id: string; after?: string }
  | { page: 'cart' }
  | { page: 'orders'; after?: string; placed?: string }
  | { page: 'signIn'; next?: string }
  | StaffRoute
  | { page: 'notFound' };

export type StaffRoute =
  | { page: 'staff'; section: 'products' | 'promotions' }
  /** Every customer's orders; only those of `status` when given. */
  | { page: 'staff'; section: 'orders'; status?: OrderStatus }
  /** One product's comments, visible and hidden, for moderation. */
  | { page: 'staff'; section: 'comments'; productId: string };

export type StaffSection = StaffRoute['section'];

export const ORDER_STATUSES: readonly OrderStatus[] = ['PLACED', 'SHIPPED', 'CANCELLED'];

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
  if (first === 'staff') return parseStaff(segments.slice(1), params);
  return { page: 'notFound' };
}

function parseStaff(segments: readonly string[], params: URLSearchParams): Route {
  const [first, second, third] = segments;
  if (segments.length === 0) return { page: 'staff', section: 'products' };
  if (segments.length === 1 && first === 'promotions') return { page: 'staff', section: 'promotions' };
  if (segments.length === 1 && first === 'orders') {
    // An unknown status reads as none: the list of every order.
    const status = ORDER_STATUSES.find((known) => known === params.get('status'));
    return { page: 'staff', section: 'orders', status };
  }
  if (segments.length === 3 && first === 'products' && second && third === 'comments') {
    return { page: 'staff', section: 'comments', productId: second };
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
      return staffHref(route);
    case 'notFound':
      return '#/';
  }
}

function staffHref(route: StaffRoute): string {
  switch (route.section) {
    case 'products':
      return '#/staff';
    case 'promotions':
      return '#/staff/promotions';
    case 'orders':
      return `#/staff/orders${query({ status: route.status })}`;
    case 'comments':
      return `#/staff/products/${encodeURIComponent(route.productId)}/comments`;
  }
}

function query(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
}
