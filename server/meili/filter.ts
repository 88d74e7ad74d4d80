/**
 * Meilisearch's filter language, parsed into a FilterExpr over izde's public fields — never passed through. The
 * grammar follows Meilisearch 1.21's filter parser (crates/filter-parser): `OR` binds loosest, then `AND`, then `NOT`;
 * conditions are `=`, `!=`, `>`, `>=`, `<`, `<=`, `IN [..]`, `NOT IN [..]`, `a TO b`, `EXISTS`, `NOT EXISTS`,
 * `IS [NOT] NULL`, `IS [NOT] EMPTY`, `[NOT] STARTS WITH`; keywords are upper case; values are words of letters,
 * digits, `_`, `-`, `.` or quoted with '…' or "…" (backslash escapes). The array form is an AND of its items, an inner
 * array an OR. Anything else — an unknown field, geo filters, `CONTAINS`, a malformed expression — is a FilterError
 * with Meilisearch's message and the position in the text.
 */
import {
  type CompareOp,
  FILTER_FIELDS,
  type FilterExpr,
  type FilterField,
  ID_KINDS,
  ID_OPS,
} from '../search/filter-expr.js';

export class FilterError extends Error {
  override name = 'FilterError';
}

/** Meilisearch's own nesting limit. */
const MAX_DEPTH = 200;
/** Longest filter text accepted (a guard against abuse; real filters are a few hundred characters). */
export const MAX_FILTER_CHARS = 10_000;

/** The words of the filter language: a value spelled like one must be quoted. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'IN',
  'NOT',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
  '_geoRadius',
  '_geoBoundingBox',
]);
const OPERATIONS =
  '`=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, ' +
  '`IS EMPTY`, `IS NOT EMPTY`, `STARTS WITH`, or `NOT STARTS WITH`';
const FIELDS = new Set<string>(FILTER_FIELDS);
const FIELD_LIST = [...FILTER_FIELDS]
  .sort()
  .map((f) => `\`${f}\``)
  .join(', ');

const isValueChar = (c: string) => /[\p{L}\p{N}_.-]/u.test(c);
const isSpace = (c: string) => /\s/u.test(c);

interface Value {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}

/** Unescapes a quoted value as Meilisearch does (its `\<quote>` rule, then the `unescaper` crate's sequences). */
function unescapeValue(raw: string, at: number, fail: (message: string, start: number, end: number) => never): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    const simple: Record<string, string> = {
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      "'": "'",
      '"': '"',
      '\\': '\\',
      '/': '/',
    };
    if (next !== undefined && next in simple) {
      out += simple[next];
      i++;
      continue;
    }
    if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/u.exec(raw.slice(i + 2));
      const plain = /^[0-9a-fA-F]{4}/u.exec(raw.slice(i + 2));
      const hex = braced ? braced[1] : plain?.[0];
      const code = hex ? Number.parseInt(hex, 16) : Number.NaN;
      if (hex && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
        out += String.fromCodePoint(code);
        i += 1 + (braced ? braced[0].length : 4);
        continue;
      }
    }
    fail(`The escape sequence \`\\${next ?? ''}\` is not supported.`, at + i, at + i + 2);
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly input: string) {}

  fail(message: string, start: number, end: number): never {
    throw new FilterError(`${message}\n${start + 1}:${end + 1} ${this.input}`);
  }

  private skipSpace(): void {
    while (this.pos < this.input.length && isSpace(this.input[this.pos] as string)) this.pos++;
  }

  /** The bare word at the position (letters, digits, `_`, `-`, `.`), without consuming it. */
  private peekWord(): string {
    this.skipSpace();
    let end = this.pos;
    while (end < this.input.length && isValueChar(this.input[end] as string)) end++;
    return this.input.slice(this.pos, end);
  }

  /** Consumes `keyword` when it is the next word. */
  private keyword(keyword: string): boolean {
    if (this.peekWord() !== keyword) return false;
    this.pos += keyword.length;
    return true;
  }

  parse(): FilterExpr {
    const expr = this.or(0);
    this.skipSpace();
    if (this.pos < this.input.length) {
      const rest = this.input.slice(this.pos);
      this.fail(
        `Found unexpected characters at the end of the filter: \`${rest}\`. You probably forgot an \`OR\` or an \`AND\` rule.`,
        this.pos,
        this.input.length,
      );
    }
    return expr;
  }

  private depthCheck(depth: number): void {
    if (depth > MAX_DEPTH)
      this.fail(
        'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.',
        this.pos,
        this.input.length,
      );
  }

  private or(depth: number): FilterExpr {
    this.depthCheck(depth);
    const items = [this.and(depth + 1)];
    while (this.keyword('OR')) items.push(this.and(depth + 1));
    return items.length === 1 ? (items[0] as FilterExpr) : { kind: 'or', items };
  }

  private and(depth: number): FilterExpr {
    this.depthCheck(depth);
    const items = [this.not(depth + 1)];
    while (this.keyword('AND')) items.push(this.not(depth + 1));
    return items.length === 1 ? (items[0] as FilterExpr) : { kind: 'and', items };
  }

  private not(depth: number): FilterExpr {
    this.depthCheck(depth);
    if (this.keyword('NOT')) {
      const inner = this.not(depth + 1);
      return inner.kind === 'not' ? inner.item : { kind: 'not', item: inner };
    }
    return this.primary(depth + 1);
  }

  private primary(depth: number): FilterExpr {
    this.skipSpace();
    const open = this.pos;
    if (this.input[this.pos] === '(') {
      this.pos++;
      const inner = this.or(depth + 1);
      this.skipSpace();
      if (this.input[this.pos] !== ')') {
        this.fail(
          `Expression \`${this.input.slice(open, this.pos)}\` is missing the following closing delimiter: \`)\`.`,
          open,
          this.pos,
        );
      }
      this.pos++;
      return inner;
    }
    return this.condition();
  }

  /** A value: a quoted string or a bare word that is no keyword. */
  private value(what = 'a value'): Value {
    this.skipSpace();
    const start = this.pos;
    const quote = this.input[this.pos];
    if (quote === '"' || quote === "'") {
      let i = this.pos + 1;
      while (i < this.input.length && this.input[i] !== quote) i += this.input[i] === '\\' ? 2 : 1;
      if (i >= this.input.length) {
        this.fail(
          `Expression \`${this.input.slice(start)}\` is missing the following closing delimiter: \`${quote}\`.`,
          start,
          this.input.length,
        );
      }
      const raw = this.input.slice(start + 1, i);
      this.pos = i + 1;
      return {
        text: unescapeValue(raw, start + 1, (m, s, e) => this.fail(m, s, e)),
        start,
        end: this.pos,
        quoted: true,
      };
    }
    const word = this.peekWord();
    if (word === '') {
      let end = this.pos;
      while (end < this.input.length && !/[\s()=<>!]/u.test(this.input[end] as string)) end++;
      const got = this.input.slice(this.pos, end);
      this.fail(`Was expecting ${what} but instead got ${got ? `\`${got}\`` : 'nothing'}.`, this.pos, end);
    }
    if (KEYWORDS.has(word)) {
      this.fail(
        `Was expecting ${what} but instead got \`${word}\`, which is a reserved keyword. To use \`${word}\` as a field name or a value, surround it by quotes.`,
        this.pos,
        this.pos + word.length,
      );
    }
    this.pos += word.length;
    return { text: word, start, end: this.pos, quoted: false };
  }

  private field(v: Value): FilterField {
    if (/^_geo/u.test(v.text) && !v.quoted) {
      this.fail('izde has no geographic fields: `_geo` filters are not available.', v.start, v.end);
    }
    if (!FIELDS.has(v.text)) {
      this.fail(
        `Attribute \`${v.text}\` is not filterable. Available filterable attributes are: ${FIELD_LIST}.`,
        v.start,
        v.end,
      );
    }
    return v.text as FilterField;
  }

  private condition(): FilterExpr {
    this.skipSpace();
    if (/^_geo(Radius|BoundingBox|Point)\s*\(/u.test(this.input.slice(this.pos))) {
      this.fail('izde has no geographic fields: `_geo` filters are not available.', this.pos, this.input.length);
    }
    const fieldValue = this.value();
    const field = this.field(fieldValue);
    const expr = this.operation(field, fieldValue);
    if (field === 'id') {
      const base = expr.kind === 'not' ? expr.item : expr;
      if (!ID_KINDS.has(base.kind) || (base.kind === 'compare' && !ID_OPS.has(base.op))) {
        this.fail('`id` can be filtered with `=`, `!=`, `IN`, `NOT IN` and `EXISTS` only.', fieldValue.start, this.pos);
      }
    }
    return expr;
  }

  private operation(field: FilterField, fieldValue: Value): FilterExpr {
    this.skipSpace();
    const rest = this.input.slice(this.pos);
    const op = /^(!=|>=|<=|=|>|<)/u.exec(rest)?.[0] as CompareOp | undefined;
    if (op) {
      this.pos += op.length;
      return { kind: 'compare', field, op, value: this.value().text };
    }
    if (this.keyword('IN')) return { kind: 'in', field, values: this.list() };
    if (this.keyword('EXISTS')) return { kind: 'exists', field };
    if (this.keyword('IS')) {
      const negated = this.keyword('NOT');
      let expr: FilterExpr;
      if (this.keyword('NULL')) expr = { kind: 'null', field };
      else if (this.keyword('EMPTY')) expr = { kind: 'empty', field };
      else this.expectedOperation(fieldValue);
      return negated ? { kind: 'not', item: expr } : expr;
    }
    if (this.keyword('STARTS')) return this.startsWith(field, fieldValue);
    if (this.keyword('CONTAINS')) this.contains(fieldValue);
    if (this.keyword('NOT')) {
      if (this.keyword('IN')) return { kind: 'not', item: { kind: 'in', field, values: this.list() } };
      if (this.keyword('EXISTS')) return { kind: 'not', item: { kind: 'exists', field } };
      if (this.keyword('STARTS')) return { kind: 'not', item: this.startsWith(field, fieldValue) };
      if (this.keyword('CONTAINS')) this.contains(fieldValue);
      this.expectedOperation(fieldValue);
    }
    // `field from TO to`
    const save = this.pos;
    const word = this.peekWord();
    if (word !== '' || /^["']/u.test(this.input.slice(this.pos))) {
      if (!KEYWORDS.has(word)) {
        const from = this.value();
        if (this.keyword('TO')) return { kind: 'range', field, from: from.text, to: this.value().text };
      }
      this.pos = save;
    }
    this.expectedOperation(fieldValue);
  }

  private startsWith(field: FilterField, fieldValue: Value): FilterExpr {
    if (!this.keyword('WITH')) this.expectedOperation(fieldValue);
    return { kind: 'startsWith', field, value: this.value().text };
  }

  private contains(fieldValue: Value): never {
    this.fail('izde does not support `CONTAINS` in filters.', fieldValue.start, this.pos);
  }

  private expectedOperation(fieldValue: Value): never {
    this.fail(
      `Was expecting an operation ${OPERATIONS} at \`${this.input.slice(fieldValue.start).trim()}\`.`,
      fieldValue.start,
      this.input.length,
    );
  }

  /** `[a, b, …]` after IN (a trailing comma is allowed). */
  private list(): string[] {
    this.skipSpace();
    if (this.input[this.pos] !== '[') this.fail('Expected `[` after `IN` keyword.', this.pos, this.input.length);
    this.pos++;
    const values: string[] = [];
    for (;;) {
      this.skipSpace();
      if (this.input[this.pos] === ']') break;
      if (this.pos >= this.input.length) {
        this.fail('Expected matching `]` after the list of field names given to `IN[`', this.pos, this.pos);
      }
      values.push(this.value().text);
      this.skipSpace();
      if (this.input[this.pos] === ',') this.pos++;
      else if (this.input[this.pos] !== ']') {
        this.fail('Expected matching `]` after the list of field names given to `IN[`', this.pos, this.pos);
      }
    }
    this.pos++;
    return values;
  }
}

/** One filter string; null when it is blank (Meilisearch reads a blank filter as no filter). */
export function parseFilterString(input: string): FilterExpr | null {
  if (input.length > MAX_FILTER_CHARS)
    throw new FilterError(`The filter is longer than ${MAX_FILTER_CHARS} characters.`);
  if (input.trim() === '') return null;
  return new Parser(input).parse();
}

const describe = (v: unknown) => JSON.stringify(v) ?? String(v);

/**
 * Meilisearch's `filter` parameter: a string, or an array whose items (strings, or arrays of strings) are ANDed,
 * the strings of an inner array ORed. Null when it filters nothing.
 */
export function parseFilter(filter: unknown): FilterExpr | null {
  if (filter === undefined || filter === null) return null;
  if (typeof filter === 'string') return parseFilterString(filter);
  if (!Array.isArray(filter)) {
    throw new FilterError(
      `Invalid syntax for the filter parameter: \`expected String, Array, found: ${describe(filter)}\`.`,
    );
  }
  const items: FilterExpr[] = [];
  for (const item of filter) {
    if (typeof item === 'string') {
      const parsed = parseFilterString(item);
      if (parsed) items.push(parsed);
    } else if (Array.isArray(item)) {
      const alternatives: FilterExpr[] = [];
      for (const inner of item) {
        if (typeof inner !== 'string') {
          throw new FilterError(
            `Invalid syntax for the filter parameter: \`expected String, found: ${describe(inner)}\`.`,
          );
        }
        const parsed = parseFilterString(inner);
        if (parsed) alternatives.push(parsed);
      }
      if (alternatives.length === 1) items.push(alternatives[0] as FilterExpr);
      else if (alternatives.length > 1) items.push({ kind: 'or', items: alternatives });
    } else {
      throw new FilterError(
        `Invalid syntax for the filter parameter: \`expected String, Array, found: ${describe(item)}\`.`,
      );
    }
  }
  if (items.length === 0) return null;
  return items.length === 1 ? (items[0] as FilterExpr) : { kind: 'and', items };
}
