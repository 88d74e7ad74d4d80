import { describe, expect, it } from 'vitest';
import { wrongLayoutCandidates } from './layout.js';

describe('wrongLayoutCandidates', () => {
  it.each([
    ['rfpf[cnfy', 'ru', 'казахстан'],
    ['Rfpf[cnfy', 'ru', 'Казахстан'],
    ['vbybcnh', 'ru', 'министр'],
    ['ijc', 'ru', 'шос'],
    ['0fpf0cnfy', 'kk', 'қазақстан'],
    ['0fpf0cnfyys4', 'kk', 'қазақстанның'],
    ['IST', 'ru', 'ШЫЕ'], // «ШЫҰ» has no key on the Russian layout; its neighbours give ШЫЕ
    ['Йфяфйыефт', 'en', 'Qazaqstan'],
  ])('%s → %s %s', (typed, layout, meant) => {
    expect(wrongLayoutCandidates(typed)).toContainEqual({ text: meant, layout });
  });

  it.each([
    ['', []],
    ['   ', []],
    ['2024', []],
    ['Қазақстан', []], // Kazakh letters have no QWERTY counterpart
    ['Kazakhstan казахстан', []], // mixed scripts: typed on purpose
  ] as const)('no candidate for %j', (typed, expected) => {
    expect(wrongLayoutCandidates(typed)).toEqual(expected);
  });

  it('tries the Kazakh layout first when digits sit inside words', () => {
    expect(wrongLayoutCandidates('0snfq')[0]).toEqual({ text: 'қытай', layout: 'kk' });
  });
});
