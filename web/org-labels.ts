/**
 * Build-time: organization names for the page, from the gazetteer (analyzers/data/gazetteer.json: `{ entries: [...] }`
 * or a bare array of `{ code, kind, label: { kk, ru, en }, names: { kk: [...], ru: [...], en: [...] } }`). Only the
 * organizations go into the bundle: labels (short, shown), first full names (tooltips) and their other names (for
 * the facet value search; about 3 KB).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { OrgLabel, OrgLabels } from './src/format.js';
import { UI_LANGS } from './src/i18n.js';

export const GAZETTEER_URL = new URL('../analyzers/data/gazetteer.json', import.meta.url);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Labels by code from parsed gazetteer data; entries that are not organizations or have no labels are skipped. */
export function orgLabelsFrom(data: unknown): OrgLabels {
  const out: OrgLabels = {};
  const entries = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.entries) ? data.entries : [];
  for (const entry of entries as unknown[]) {
    if (!isRecord(entry) || typeof entry.code !== 'string' || !entry.code) continue;
    if (entry.kind !== undefined && entry.kind !== 'org') continue;
    const label: OrgLabel = { short: {}, full: {} };
    for (const lang of UI_LANGS) {
      const short = isRecord(entry.label) ? entry.label[lang] : undefined;
      if (typeof short === 'string' && short.trim()) label.short[lang] = short.trim();
      const names = isRecord(entry.names) ? entry.names[lang] : undefined;
      const full = Array.isArray(names) ? names[0] : undefined;
      if (typeof full === 'string' && full.trim() && full.trim() !== label.short[lang]) label.full[lang] = full.trim();
    }
    // Every other form in every language of the gazetteer (kk-Latn too), for the facet's value search: «ШОС»,
    // «Shanghai Cooperation Organisation» or «ShYU» all find SCO whatever the interface language.
    const shown = new Set([...Object.values(label.short), ...Object.values(label.full)]);
    const names = isRecord(entry.names) ? Object.values(entry.names).flat() : [];
    const other = [...new Set(names.filter((n): n is string => typeof n === 'string').map((n) => n.trim()))].filter(
      (n) => n && !shown.has(n),
    );
    if (other.length) label.names = other;
    if (Object.keys(label.short).length || Object.keys(label.full).length) out[entry.code] = label;
  }
  return out;
}

/** Reads the gazetteer if it is there; without it the page shows organization codes. */
export function loadOrgLabels(url: URL = GAZETTEER_URL): { labels: OrgLabels; problem?: string } {
  if (!existsSync(url)) return { labels: {}, problem: `${url.pathname} not found: organizations are shown by code` };
  try {
    return { labels: orgLabelsFrom(JSON.parse(readFileSync(url, 'utf8'))) };
  } catch (err) {
    return {
      labels: {},
      problem: `${url.pathname} could not be read (${(err as Error).message}): organizations are shown by code`,
    };
  }
}
