import { afterEach, describe, expect, it } from 'vitest';
import { findMeilisearchBinary } from './binary.js';
import { EngineError } from './errors.js';

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
afterEach(() => {
  Object.defineProperty(process, 'platform', realPlatform);
});

describe('findMeilisearchBinary', () => {
  it('finds the packaged linux-x64 binary and makes it runnable', () => {
    const path = findMeilisearchBinary('/tmp/izde-binary-cache');
    expect(path).toMatch(/meilisearch$/);
  });

  it('says what to do where no binary ships', () => {
    Object.defineProperty(process, 'platform', { ...realPlatform, value: 'darwin' });
    let error: unknown;
    try {
      findMeilisearchBinary('/tmp/izde-binary-cache');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('ENGINE_NO_BINARY');
    expect((error as EngineError).message).toMatch(/set MEILI_URL \(and MEILI_MASTER_KEY\)/);
  });
});
