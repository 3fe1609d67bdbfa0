/**
 * A tiny element builder. Text always goes through text nodes, never innerHTML: comments and
 * names are stored verbatim by the API ("escaping is the client's job"), and this is where it is
 * done.
 */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(
    ...children.filter(isPresent).map((child) => (child instanceof Node ? child : String(child))),
  );
  return element;
}

function isPresent(child: Child): child is Node | string | number {
  return child !== null && child !== undefined && child !== false;
}

/** Replaces an element's content. */
export function show(container: Element, ...children: Child[]): void {
  container.replaceChildren(
    ...children.filter(isPresent).map((child) => (child instanceof Node ? child : String(child))),
  );
}
