// The source facet: a stable lowercase value, the registrable domain of the outlet (zakon.kz, inform.kz,
// mfa.gov.kz). Found, in this order: a «Источник:/Дереккөз:» line; the page's URL (or its publisher in
// structured data); an agency dateline («ASTANA. KAZINFORM –», «МОСКВА, 10 января. /ТАСС/»); a self-attribution
// («деп хабарлайды Egemen.kz», «передает корреспондент Zakon.kz»); a press-service signature («Пресс-служба МИД РК.» → mfa.gov.kz, the institution's
// site); a copyright footer naming a domain. Names without a domain go through a table of known outlets.
import outletsJson from './data/outlets.json' with { type: 'json' };

const OUTLETS: ReadonlyArray<readonly [string, string]> = Object.entries(
  (outletsJson as { outlets: Record<string, string[]> }).outlets,
)
  .flatMap(([domain, names]) => names.map((n) => [n, domain] as const))
  .sort((a, b) => b[0].length - a[0].length); // longest name first

/** Second-level labels under which the third label is the registrable one (mfa.gov.kz, bbc.co.uk). */
const SECOND_LEVEL = new Set(['gov', 'com', 'org', 'edu', 'net', 'co', 'ac', 'mil', 'int']);

const DOMAIN = /(?:https?:\/\/)?(?:www\.)?((?:[\p{L}\p{N}-]+\.)+(?:[a-z]{2,12}|қаз|рф))(?![\p{L}\p{N}])/iu;

/** Registrable domain of a host: qz.inform.kz → inform.kz, mfa.gov.kz stays, www.zakon.kz → zakon.kz. */
export function registrableDomain(host: string): string {
  const parts = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '')
    .split('.');
  if (parts.length <= 2) return parts.join('.');
  const second = parts.at(-2) ?? '';
  const keep = SECOND_LEVEL.has(second) ? 3 : 2;
  return parts.slice(-keep).join('.');
}

/** A known outlet at the start of a phrase (its last word may carry a case ending: «ҚазАқпаратқа»). */
function outletAtStart(phrase: string): string | null {
  const p = phrase
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”]/gu, '')
    .trim();
  for (const [name, domain] of OUTLETS) {
    if (!p.startsWith(name)) continue;
    const next = p.slice(name.length);
    if (next === '' || /^[^\p{L}\p{N}]/u.test(next)) return domain;
    // A case ending on the name's last word (Kazakh/Russian), only for names long enough to be unambiguous.
    if (name.length >= 4 && /^[\p{L}'’]{1,6}(?:[^\p{L}\p{N}]|$)/u.test(next)) return domain;
  }
  return null;
}

/** Normalizes any source value (a domain, a URL, an outlet name) to the facet value; null when empty. */
export function normalizeSource(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (!v) return null;
  const d = DOMAIN.exec(v);
  if (d && (d.index === 0 || /^(?:https?:\/\/|www\.)/i.test(v))) return registrableDomain(d[1] ?? '');
  const known = outletAtStart(v);
  if (known) return known;
  if (d) return registrableDomain(d[1] ?? '');
  return v.toLowerCase().replace(/\s+/gu, ' ');
}

/** The outlet named in an attribution phrase: a domain in it, or a known outlet at its start. */
function outletIn(phrase: string): string | null {
  const d = DOMAIN.exec(phrase.slice(0, 60));
  if (d && d.index <= 30) return registrableDomain(d[1] ?? '');
  return outletAtStart(phrase);
}

const SOURCE_LINE = /^(?:источник|дереккөз|derekkóz|derekköz|source|по материалам|ақпарат көзі)\s*[:—–-]?\s*(.+)$/iu;
/**
 * Self-attributions, followed by the outlet. Kazakh news tags its own reports «…, деп хабарлайды Egemen.kz» (Latin:
 * «dep habarlaıdy Kazinform»); Russian-language news does so with a correspondent («сообщает корреспондент
 * Zakon.kz», «передает корреспондент агентства Kazinform»). A bare «сообщает ТАСС» / «пишет BBC» names where a
 * story came from, not who published the page, and is not taken.
 */
const ATTRIBUTION =
  /(?:деп\s+(?:хабарла(?:йды|ды)|жазады)|dep\s+(?:habarla(?:ıdy|dy)|xabarlaidy|jazady)|(?:сообща(?:ет|ют)|переда[её]т|пишет)\s+(?:собственный\s+|специальный\s+)?(?:корреспондент|корр\.)(?:\s+(?:агентства|портала|издания|сайта))?)\s+(?:агентство\s+|газета\s+|издание\s+|портал\s+|телеканал\s+)?([^,;:\n!?]{2,80}?)(?=[,;:\n!?)]|\.(?:\s|$)|$)/giu;
/** «ASTANA. KAZINFORM –», «АСТАНА. КАЗИНФОРМ —», «МОСКВА, 10 января. /ТАСС/.» */
const AGENCY_DATELINE =
  /^([\p{L}\s-]{3,30})[.,]\s*(?:[^.\n]{0,30}\.\s*)?\/?\s*([\p{Lu}][\p{L}\p{N}\s-]{1,30}?)\s*\/?\s*[.–—-]/u;
/** Datelines are written in capitals (2018 Latin spells Ш as «Sh» even there: «TAShKENT»). */
const mostlyCaps = (s: string): boolean => {
  const letters = s.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.filter((c) => c !== c.toLowerCase()).length / letters.length >= 0.7;
};
const PRESS_SERVICE =
  /^(?:пресс-служба|пресс-центр|баспасөз қызметі|press service of)\s+(.{2,80}?)\.?$|^(.{2,80}?)\s+(?:баспасөз қызметі|пресс-службасы)\.?$/iu;
const FOOTER_DOMAIN =
  /(?:©|copyright)[^\n]{0,40}?((?:[\p{L}\p{N}-]+\.)+(?:kz|ru|com|org|net|uz|kg|tj|by|ua|info|news|media))/iu;

export interface SourceInput {
  /** Body lines in order (furniture lines included: source lines and footers are read from them). */
  lines: ReadonlyArray<{ text: string; kind: string }>;
  url?: string | null;
  /** The publisher's facet value from structured data, used where the URL would be. */
  site?: string | null;
}

/** The source facet value of a page, or null when nothing names one. */
export function findSource({ lines, url, site }: SourceInput): string | null {
  for (const l of lines) {
    if (l.kind !== 'source' && l.kind !== 'body') continue;
    const m = SOURCE_LINE.exec(l.text);
    if (m && l.text.length <= 120) {
      const s = outletIn(m[1] ?? ''); // a domain or a known outlet; a free phrase is not a facet value
      if (s) return s;
    }
  }
  if (url) {
    try {
      return registrableDomain(new URL(url).hostname);
    } catch {
      /* not a URL: fall through to the text */
    }
  }
  if (site) return site;
  const body = lines.filter((l) => l.kind === 'body');
  // A wire dateline names the publisher; an attribution after it names where the story came from.
  for (const l of body.slice(0, 4)) {
    const m = AGENCY_DATELINE.exec(l.text);
    if (m && mostlyCaps(m[1] ?? '') && mostlyCaps(m[2] ?? '')) {
      const s = outletAtStart(m[2] ?? '');
      if (s) return s;
    }
  }
  for (const l of body) {
    for (const m of l.text.matchAll(ATTRIBUTION)) {
      const s = outletIn(m[1] ?? '');
      if (s) return s;
    }
  }
  for (const l of [...body].reverse().slice(0, 4)) {
    const m = PRESS_SERVICE.exec(l.text);
    if (m && l.text.length <= 100) {
      const s = outletAtStart(m[1] ?? m[2] ?? '');
      if (s) return s;
    }
  }
  for (const l of lines) {
    if (l.kind !== 'footer') continue;
    const m = FOOTER_DOMAIN.exec(l.text);
    if (m) return registrableDomain(m[1] ?? '');
  }
  return null;
}
