/**
 * Text typed with the wrong keyboard layout: «rfpf[cnfy» was «казахстан» on a Russian (ЙЦУКЕН) layout,
 * «0fpf0cnfy» was «қазақстан» on the Kazakh one (its Kazakh letters sit on the digit row), and «Йфяфйыефт» was
 * «Qazaqstan» typed with the Cyrillic layout still on.
 */

// US QWERTY keys, unshifted and shifted, in the order of the Russian ЙЦУКЕН letters on the same keys.
const QWERTY = '`qwertyuiop[]asdfghjkl;\'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>';
const JCUKEN = 'ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ';
// Microsoft's Kazakh layout puts the Kazakh letters on the digit row (2 3 4 5 8 9 0 - =).
const KAZAKH_DIGITS: Record<string, string> = {
  '2': 'ә',
  '3': 'і',
  '4': 'ң',
  '5': 'ғ',
  '8': 'ү',
  '9': 'ұ',
  '0': 'қ',
  '-': 'ө',
  '=': 'һ',
};
const KAZAKH_DIGITS_SHIFTED: Record<string, string> = {
  '@': 'Ә',
  '#': 'І',
  $: 'Ң',
  '%': 'Ғ',
  '*': 'Ү',
  '(': 'Ұ',
  ')': 'Қ',
  _: 'Ө',
  '+': 'Һ',
};

const latinToRussian = new Map<string, string>();
const russianToLatin = new Map<string, string>();
for (const [i, latin] of [...QWERTY].entries()) {
  const russian = JCUKEN.charAt(i);
  latinToRussian.set(latin, russian);
  russianToLatin.set(russian, latin);
}
const latinToKazakh = new Map<string, string>([
  ...latinToRussian,
  ...Object.entries(KAZAKH_DIGITS),
  ...Object.entries(KAZAKH_DIGITS_SHIFTED),
]);

function remap(text: string, map: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

const hasLatinLetter = (s: string) => /\p{Script=Latin}/u.test(s);
const hasCyrillicLetter = (s: string) => /\p{Script=Cyrillic}/u.test(s);

export interface LayoutCandidate {
  text: string;
  layout: 'ru' | 'kk' | 'en';
}

/**
 * What the user probably meant, if the query was typed with the wrong layout active; empty when the query does not
 * look like that (it mixes scripts, or remapping changes nothing into letters). Callers try the candidates only
 * when the query as typed finds little.
 */
export function wrongLayoutCandidates(query: string): LayoutCandidate[] {
  const q = query.trim();
  if (!q) return [];
  const out: LayoutCandidate[] = [];
  if (hasLatinLetter(q) && !hasCyrillicLetter(q)) {
    const ru = remap(q, latinToRussian);
    if (ru !== q && !hasLatinLetter(ru)) out.push({ text: ru, layout: 'ru' });
    // Digits next to letters are Kazakh letters on the Kazakh layout; a lone number stays a number.
    if (/[\p{L}[\];',.`{}:"<>~][0-9\-=@#$%*()_+]|[0-9\-=@#$%*()_+][\p{L}[\];',.`{}:"<>~]/u.test(q)) {
      const kk = q
        .split(/(\s+)/)
        .map((w) => (/^\d+$/.test(w) ? w : remap(w, latinToKazakh)))
        .join('');
      // Digits inside words are the stronger sign: the Kazakh reading goes first.
      if (kk !== ru && !hasLatinLetter(kk)) out.unshift({ text: kk, layout: 'kk' });
    }
  } else if (hasCyrillicLetter(q) && !hasLatinLetter(q)) {
    const en = remap(q, russianToLatin);
    if (en !== q && !hasCyrillicLetter(en) && /^[\p{L}\s'-]+$/u.test(en)) out.push({ text: en, layout: 'en' });
  }
  return out;
}
