/** Small DOM helpers: elements are built with text nodes; the only HTML we insert is the API's highlighted text. */

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined>;

/** `h('a', { class: 'x', href }, 'text', child)`: attributes from props (false/null/undefined are left out). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

/**
 * Inserts the API's `snippet`/`titleHtml` (escaped text with `<mark>` only, as the contract says). It is parsed in an
 * inert <template> first, where nothing loads or runs, and used only if every element in it is a <mark> without
 * attributes; anything else falls back to plain text. Defence in depth: the server already escapes.
 */
export function setMarkedHtml(el: Element, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  const elements = template.content.querySelectorAll('*');
  const onlyMarks = [...elements].every((e) => e.tagName === 'MARK' && e.attributes.length === 0);
  if (onlyMarks) el.replaceChildren(template.content);
  else el.textContent = template.content.textContent ?? '';
}
