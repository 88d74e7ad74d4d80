import { describe, expect, it } from 'vitest';
import { contentId } from './content-id.js';

describe('contentId', () => {
  it('depends on the content only, up to Unicode normalization', () => {
    expect(contentId('Қазақстан')).toBe(contentId('Қазақстан'.normalize('NFD')));
    expect(contentId('a')).not.toBe(contentId('b'));
  });
});
