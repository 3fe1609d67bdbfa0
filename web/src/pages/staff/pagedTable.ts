import { h, show } from '../../dom';
import type { StaffErrorContext } from '../../errors';
import { loading, showError, type View } from '../../view';
import { inlineMessage, whileBusy } from './inline';

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PagedTable<T> {
  /** The table, then its "More" button while pages follow. */
  element: HTMLElement;
  /** Puts an item first, where it is seen: a new one takes its place in the order on reload. */
  prepend(item: T): void;
  /** Takes out a row `row` made (an item that moved to another table). */
  remove(element: HTMLElement): void;
}

/**
 * A staff table of items, one `tbody` each (`row`), starting with `first`; "More" appends the
 * page after the last one shown, and says inline why when it cannot. `empty` is said while the
 * table has no rows and no more pages.
 */
export function pagedTable<T>(options: {
  view: View;
  label: string;
  columns: readonly string[];
  first: Page<T>;
  row: (item: T) => HTMLElement;
  next: (after: string) => Promise<Page<T>>;
  subject: StaffErrorContext['subject'];
  empty?: string;
}): PagedTable<T> {
  const { view, label, columns, row, next, subject } = options;
  const head = h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column))));
  const table = h('table', { class: 'staff-table', 'aria-label': label }, head);
  const pager = h('div', { class: 'pager' });
  const none = h('p', { class: 'meta empty' }, options.empty ?? 'None.');
  const message = inlineMessage(view);
  const sayIfEmpty = () => {
    none.hidden = table.tBodies.length > 0 || pager.childElementCount > 0;
  };

  const append = ({ nodes, pageInfo }: Page<T>) => {
    table.append(...nodes.map(row));
    const after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    if (!after) {
      show(pager);
      return sayIfEmpty();
    }
    const more = h('button', { type: 'button', 'aria-label': `More ${label.toLowerCase()}` }, 'More');
    more.addEventListener('click', () => {
      void whileBusy([more], async () => {
        try {
          const page = await next(after);
          message.clear();
          append(page);
        } catch (error) {
          message.fail(error, { subject });
        }
      });
    });
    show(pager, more, message.element);
    sayIfEmpty();
  };
  append(options.first);

  return {
    element: h('div', { class: 'staff-table-wrap' }, table, none, pager),
    prepend: (item) => {
      head.after(row(item));
      sayIfEmpty();
    },
    remove: (element) => {
      element.remove();
      sayIfEmpty();
    },
  };
}

/**
 * A staff section: one request for its first page and the cart badge, then its title, the
 * controls that choose what it lists (a filter), if any, the table and the form that adds to it,
 * if any; "More" sends the same request for the next page.
 */
export async function renderPagedSection<T>(
  view: View,
  container: HTMLElement,
  section: {
    title: string;
    intro: string;
    columns: readonly string[];
    subject: StaffErrorContext['subject'];
    load: (after?: string) => Promise<{ page: Page<T>; cartCount: number }>;
    row: (item: T) => HTMLElement;
    empty?: string;
    controls?: HTMLElement;
    form?: (prepend: (item: T) => void) => HTMLElement;
  },
): Promise<void> {
  show(container, loading());
  try {
    const { page, cartCount } = await section.load();
    if (!view.isCurrent()) return;
    view.layout.setCartCount(cartCount);
    const table = pagedTable({
      view,
      label: section.title,
      columns: section.columns,
      first: page,
      row: section.row,
      next: async (after) => (await section.load(after)).page,
      subject: section.subject,
      empty: section.empty,
    });
    show(
      container,
      h('h2', {}, section.title),
      h('p', { class: 'meta' }, section.intro),
      section.controls,
      table.element,
      section.form?.(table.prepend),
    );
  } catch (error) {
    showError(view, error);
    show(container, h('p', {}, `The ${section.title.toLowerCase()} could not be loaded.`));
  }
}
