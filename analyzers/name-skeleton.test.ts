import { describe, expect, it } from 'vitest';
import { nameSkeleton } from './name-skeleton.js';

describe('nameSkeleton', () => {
  it.each([
    ['brexit', 'брексит'],
    ['brexit', 'брекзит'],
    ['trump', 'трамп'],
    ['merkel', 'меркель'],
    ['johnson', 'джонсон'],
    ['macron', 'макрон'],
    ['sinovac', 'синовак'],
    ['pfizer', 'пфайзер'],
    ['zelensky', 'зеленский'],
  ])('%s and %s meet', (latin, cyrillic) => {
    expect(nameSkeleton(latin)).not.toBeNull();
    expect(nameSkeleton(latin)).toBe(nameSkeleton(cyrillic));
  });

  it.each([
    ['brexit', 'brussels'],
    ['trump', 'tramway'],
    ['merkel', 'market'],
    ['шымкент', 'smoking'],
  ])('%s and %s stay apart', (a, b) => {
    expect(nameSkeleton(a)).not.toBe(nameSkeleton(b));
  });

  it.each(['may', 'мэй', 'putin', 'biden', 'ryanair', 'ооо', ''])('%j is too short to stand for a name', (w) => {
    expect(nameSkeleton(w)).toBeNull();
  });
});
