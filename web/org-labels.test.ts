import { describe, expect, it } from 'vitest';
import { orgLabelsFrom } from './org-labels.js';

const entry = {
  code: 'SCO',
  kind: 'org',
  label: { kk: 'ШЫҰ', ru: 'ШОС', en: 'SCO' },
  names: {
    kk: ['Шанхай Ынтымақтастық Ұйымы', 'ШЫҰ'],
    'kk-Latn': ['Shanhaı yntymaqtastyq uıymy', 'ShYU'],
    ru: ['Шанхайская организация сотрудничества'],
    en: ['SCO'],
  },
};

describe('orgLabelsFrom', () => {
  it.each([
    ['an { entries } object', { _comment: 'x', entries: [entry] }],
    ['a bare array', [entry]],
  ])('reads %s', (_name, data) => {
    expect(orgLabelsFrom(data)).toEqual({
      SCO: {
        short: { kk: 'ШЫҰ', ru: 'ШОС', en: 'SCO' },
        full: { kk: 'Шанхай Ынтымақтастық Ұйымы', ru: 'Шанхайская организация сотрудничества' },
        names: ['Shanhaı yntymaqtastyq uıymy', 'ShYU'],
      },
    });
  });

  it.each([
    ['places and persons', [{ ...entry, code: 'KZ', kind: 'place' }]],
    ['entries without a code', [{ ...entry, code: '' }]],
    ['entries without names or labels', [{ code: 'X', kind: 'org' }]],
    ['something else entirely', 'nonsense'],
    ['null', null],
  ])('skips %s', (_name, data) => {
    expect(orgLabelsFrom(data)).toEqual({});
  });

  it('keeps the languages it has', () => {
    expect(orgLabelsFrom([{ code: 'UN', kind: 'org', label: { ru: 'ООН', en: ' ' } }])).toEqual({
      UN: { short: { ru: 'ООН' }, full: {} },
    });
  });
});
