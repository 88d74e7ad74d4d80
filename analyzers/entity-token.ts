/**
 * The index token that stands for an entity (organization, place, person) in every language and script. It is
 * Latin with a `zz` prefix: analyzed fields hold Cyrillic keys and lowercase foreign words, and no real word starts
 * with `zz`, so it meets nothing but itself.
 */
export const ENTITY_PREFIX = 'zz';

export function entityToken(code: string): string {
  return `${ENTITY_PREFIX}${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}
