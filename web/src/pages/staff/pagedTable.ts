import { h, show } from '../../dom';
import type { StaffErrorContext } from '../../errors';
import type { View } from '../../view';
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
}

/**
 * A staff table of items, one `tbody` each (`row`), starting with `first`; "More" appends the
 * page after the last one shown, and says inline why when it cannot.
 */
export function pagedTable<T>(options: {
  view: View;
  label: string;
  columns: readonly string[];
  first: Page<T>;
  row: (item: T) => HTMLElement;
  next: (after: string) => Promise<Page<T>>;
  subject: StaffErrorContext['subject'];
}): PagedTable<T> {
  const { view, label, columns, row, next, subject } = options;
  const head = h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column))));
  const table = h('table', { class: 'staff-table', 'aria-label': label }, head);
  const pager = h('div', { class: 'pager' });
  const message = inlineMessage(view);

  const append = ({ nodes, pageInfo }: Page<T>) => {
    table.append(...nodes.map(row));
    const after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    if (!after) return show(pager);
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
  };
  append(options.first);

  return {
    element: h('div', { class: 'staff-table-wrap' }, table, pager),
    prepend: (item) => head.after(row(item)),
  };
}
