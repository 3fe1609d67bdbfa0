import { ApiError } from './apiError';
import { h } from './dom';
import { describeError, type ErrorContext } from './errors';
import type { Layout } from './layout';
import type { Route } from './router';
import type { Session } from './session';

/** What a page gets to render itself: the frame, the shopper, and navigation. */
export interface View {
  layout: Layout;
  session: Session | null;
  /** False once the shopper has navigated on: a late answer must not overwrite the next page. */
  isCurrent(): boolean;
  /** Shows `route` (rendering it again when it is the current one), then `confirmation`, if any. */
  navigate(route: Route, confirmation?: string): void;
}

/** Shows a failed request in words; a refused token also signs the shopper out on screen. */
export function showError(view: View, error: unknown, context?: ErrorContext): void {
  if (!view.isCurrent()) return;
  if (error instanceof ApiError && error.status === 401) {
    view.layout.setSession(null);
    view.layout.setCartCount(null);
  }
  view.layout.notify(describeError(error, context));
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading' }, 'Loading…');
}
