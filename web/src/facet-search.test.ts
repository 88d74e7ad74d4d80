import { describe, expect, it } from 'vitest';
import { loadOrgLabels } from '../org-labels.js';
import { searchKey, valueMatches, valueNames } from './facet-search.js';
import { orgName } from './format.js';

const labels = loadOrgLabels().labels;
const orgMatches = (code: string, typed: string, ui: 'kk' | 'ru' | 'en') =>
  valueMatches(valueNames('org', code, orgName(code, ui, labels), labels), typed);

describe('searchKey', () => {
  it.each([
    ['ШЫҰ', 'шыу'],
    ['Қазақстан', 'казакстан'],
    ['Shanhaı', 'shanhai'],
    ['Ózbekstan', 'ozbekstan'],
    ['qz.inform.kz', 'qz inform kz'],
    ['C5+RU', 'c5+ru'],
    ['Объединённых', 'объединенных'],
  ])('%s → %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe('organization values answer to their names in every language', () => {
  it.each([
    ['SCO', 'ШОС', 'en'],
    ['SCO', 'ШОС', 'kk'],
    ['SCO', 'шыу', 'en'],
    ['SCO', 'shanghai', 'kk'],
    ['SCO', 'ShYU', 'ru'],
    ['SCO', 'Шанхайская', 'en'],
    ['UN', 'ООН', 'en'],
    ['UN', 'United', 'ru'],
    ['OSCE', 'ОБСЕ', 'kk'],
    ['CIS', 'ТМД', 'ru'],
  ] as const)('%s ← «%s» (interface %s)', (code, typed, ui) => {
    expect(orgMatches(code, typed, ui)).toBe(true);
  });

  it.each([
    ['SCO', 'НАТО'],
    ['NATO', 'ШОС'],
    ['UN', 'Шанхай'],
  ])('%s does not answer to «%s»', (code, typed) => {
    expect(orgMatches(code, typed, 'en')).toBe(false);
  });

  it('sources match inside their name, and empty text matches everything', () => {
    expect(valueMatches(valueNames('source', 'qz.inform.kz', 'qz.inform.kz', labels), 'inform')).toBe(true);
    expect(valueMatches(valueNames('source', 'lenta.ru', 'lenta.ru', labels), 'inform')).toBe(false);
    expect(valueMatches(['anything'], '  ')).toBe(true);
  });
});
