/**
 * Suggestions under the search box (the ARIA 1.2 combobox pattern). They never get in the way of typing: nothing is
 * pre-selected, arrows only highlight (the box keeps what was typed), Enter picks only a highlighted option, and a
 * slow answer is dropped if the box changed meanwhile.
 */

import { isAbort, suggestApi } from './api.js';
import type { Suggestion } from './api-types.js';
import { h } from './dom.js';
import { MESSAGES, type UiLang } from './i18n.js';
import { Debounced, LatestOnly } from './latest.js';

export interface SuggestBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  lang: () => UiLang;
  /** The reader picked a suggestion (by Enter or by mouse). */
  onPick: (s: Suggestion) => void;
  debounceMs?: number;
}

const KIND_KEY = {
  org: 'kindOrg',
  place: 'kindPlace',
  person: 'kindPerson',
  topic: 'kindTopic',
  title: 'kindTitle',
} as const;

export class SuggestBox {
  private items: Suggestion[] = [];
  private active = -1;
  private readonly requests = new LatestOnly();
  private readonly debounced: Debounced;

  constructor(private readonly o: SuggestBoxOptions) {
    this.debounced = new Debounced(() => void this.fetch(), o.debounceMs ?? 120);
    o.input.addEventListener('keydown', (e) => this.onKey(e));
    o.input.addEventListener('blur', () => this.close());
    // mousedown would blur the box before the click lands: keep the focus where the reader types.
    o.list.addEventListener('mousedown', (e) => e.preventDefault());
    o.list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest<HTMLElement>('[data-index]');
      if (li) this.pick(Number(li.dataset.index));
    });
  }

  /** Called on every input event. */
  typed(): void {
    if (this.o.input.value.trim()) this.debounced.schedule();
    else this.close();
  }

  close(): void {
    this.debounced.cancel();
    this.requests.cancel();
    this.items = [];
    this.active = -1;
    this.o.list.hidden = true;
    this.o.list.replaceChildren();
    this.o.input.setAttribute('aria-expanded', 'false');
    this.o.input.removeAttribute('aria-activedescendant');
  }

  get isOpen(): boolean {
    return !this.o.list.hidden;
  }

  private async fetch(): Promise<void> {
    const q = this.o.input.value;
    const ticket = this.requests.begin();
    try {
      const res = await suggestApi(q, ticket.signal);
      if (!ticket.isCurrent() || this.o.input.value !== q || document.activeElement !== this.o.input) return;
      // A suggestion equal to what is typed adds nothing.
      this.show(res.suggestions.filter((s) => s.text.trim().toLowerCase() !== q.trim().toLowerCase()));
    } catch (err) {
      if (!isAbort(err)) this.close(); // suggestions are optional: failures stay silent
    }
  }

  private show(items: Suggestion[]): void {
    this.items = items;
    this.active = -1;
    if (items.length === 0) {
      this.close();
      return;
    }
    const t = MESSAGES[this.o.lang()];
    this.o.list.setAttribute('aria-label', t.suggestions);
    this.o.list.replaceChildren(
      ...items.map((s, i) =>
        h(
          'li',
          {
            id: `suggestion-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-index': i,
            class: `suggestion kind-${s.kind}`,
          },
          h('span', { class: 'suggestion-text' }, s.text),
          s.kind !== 'term' ? h('span', { class: 'suggestion-kind' }, t[KIND_KEY[s.kind]]) : null,
        ),
      ),
    );
    this.o.list.hidden = false;
    this.o.input.setAttribute('aria-expanded', 'true');
    this.o.input.removeAttribute('aria-activedescendant');
  }

  private highlight(index: number): void {
    this.active = index;
    for (const [i, li] of this.o.list.querySelectorAll<HTMLElement>('[role=option]').entries()) {
      li.setAttribute('aria-selected', String(i === index));
    }
    if (index >= 0) {
      this.o.input.setAttribute('aria-activedescendant', `suggestion-${index}`);
      this.o.list.children[index]?.scrollIntoView({ block: 'nearest' });
    } else this.o.input.removeAttribute('aria-activedescendant');
  }

  private pick(index: number): void {
    const s = this.items[index];
    this.close();
    if (s) this.o.onPick(s);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.isComposing) return;
    const n = this.items.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!this.isOpen || n === 0) return;
        e.preventDefault();
        this.highlight(this.active + 1 >= n ? -1 : this.active + 1);
        break;
      case 'ArrowUp':
        if (!this.isOpen || n === 0) return;
        e.preventDefault();
        this.highlight(this.active <= -1 ? n - 1 : this.active - 1);
        break;
      case 'Enter':
        if (this.isOpen && this.active >= 0) {
          e.preventDefault();
          this.pick(this.active);
        } else this.close();
        break;
      case 'Escape':
        if (this.isOpen) {
          e.preventDefault(); // the first Escape closes the list; only a second one clears the box
          this.close();
        }
        break;
      case 'Tab':
        this.close();
        break;
    }
  }
}
