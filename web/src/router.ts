import type { OrderStatus, ProductSort } from './generated/graphql';
import { parseCents, plainDollars } from './money';

/**
 * A hash router: `#/` (with the browse parameters of `Browse`), `#/products/<id>`, `#/cart`, `#/orders`, `#/sign-in`, and the staff area's
 * `#/staff` (products), `#/staff/promotions`, `#/staff/orders` (`?status=` filters) and
 * `#/staff/products/<id>/comments` (a product's comments to moderate), each with optional query
 * parameters. The hash keeps the storefront a set of static files (no server routes) and makes
 * every page a bookmarkable URL.
 */
export type Route =
  | ({ page: 'home'; after?: string } & Browse)
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

/**
 * What the shop's listing shows, all of it in the URL so a reload, a shared link or back/forward
 * shows the same products: `#/?category=home&sort=PRICE_ASC&min=20.00&max=33&stock=1&q=bird`.
 * Prices are cents here and dollars in the URL, as the shopper typed them.
 */
export interface Browse {
  category?: string;
  /** Absent: the API's default, by name. */
  sort?: ProductSort;
  search?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Only products in stock; absent: every product. */
  inStock?: boolean;
}

export const PRODUCT_SORTS: readonly ProductSort[] = ['NAME', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST'];

export const ORDER_STATUSES: readonly OrderStatus[] = ['PLACED', 'SHIPPED', 'CANCELLED'];

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(search);
  const optional = (name: string) => params.get(name) ?? undefined;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = segments;
  if (segments.length === 0) return { page: 'home', after: optional('after'), ...parseBrowse(params) };
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

/** A parameter that is not one the storefront writes reads as absent, as an unknown status does. */
function parseBrowse(params: URLSearchParams): Browse {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const price = (name: string) => parseCents(params.get(name) ?? '') ?? undefined;
  return {
    category: text('category'),
    sort: PRODUCT_SORTS.find((known) => known !== 'NAME' && known === params.get('sort')),
    search: text('q'),
    minPrice: price('min'),
    maxPrice: price('max'),
    inStock: params.get('stock') === '1' || undefined,
  };
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
      return `#/${query({ ...browseParams(route), after: route.after })}`;
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

function browseParams(browse: Browse): Record<string, string | undefined> {
  return {
    category: browse.category,
    sort: browse.sort === 'NAME' ? undefined : browse.sort,
    q: browse.search,
    min: browse.minPrice === undefined ? undefined : plainDollars(browse.minPrice),
    max: browse.maxPrice === undefined ? undefined : plainDollars(browse.maxPrice),
    stock: browse.inStock ? '1' : undefined,
  };
}

function query(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
}
