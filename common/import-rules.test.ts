import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

// Each probe is a file at a path of the repository's layout, linted with the repository's biome.json: the import rules
// of docs/architecture.md, as `npm run lint` applies them.
const PROBES: [path: string, from: string, refused: boolean][] = [
  ['server/probe.ts', '../analyzers/index.js', false],
  ['server/probe.ts', '../analyzers/kk/fold.js', true],
  ['server/search/probe.ts', '../../analyzers/query.js', true],
  ['server/search/probe.ts', '../../engine/index.js', false],
  ['server/search/probe.ts', '../../engine/health.js', true],
  ['indexer/probe.ts', '../engine/schema.js', true],
  ['indexer/probe.ts', '../server/app.js', true],
  ['indexer/probe.ts', '../common/api-limits.js', false],
  ['analyzers/kk/probe.ts', '../stopwords.js', false],
  ['analyzers/probe.ts', '../indexer/run.js', true],
  ['analyzers/probe.ts', '../engine/index.js', true],
  ['analyzers/kk/probe.ts', '../../engine/index.js', true],
  ['engine/probe.ts', './schema.js', false],
  ['engine/probe.ts', '../analyzers/index.js', true],
  ['engine/probe.ts', '../server/config.js', true],
  ['common/probe.ts', '../engine/index.js', true],
  ['server/probe.ts', '../bench/lib/queries.js', true],
  ['bench/probe.ts', '../analyzers/kk/stem.js', true],
  ['bench/probe.ts', '../engine/testing.js', false],
  ['server/probe.test.ts', '../engine/testing.js', false],
  ['indexer/probe.test.ts', '../server/testing.js', false],
  ['indexer/probe.test.ts', '../analyzers/text.js', true],
];

/** Each probe in a file of its own, all in one tree laid out like the repository. */
const probePath = (path: string, i: number) => path.replace('probe', `probe${i}`);

let dir: string;
let refused: Set<string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'izde-import-rules-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  PROBES.forEach(([path, from], i) => {
    const file = join(dir, probePath(path, i));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `export const probe = () => import('${from}');\n`);
  });
  let out: string;
  try {
    out = execFileSync(
      BIOME,
      [
        'lint',
        '--vcs-enabled=false',
        '--only=style/noRestrictedImports',
        '--reporter=json',
        '--max-diagnostics=none',
        '.',
      ],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch (err) {
    out = String((err as { stdout?: unknown }).stdout ?? '');
  }
  const report = JSON.parse(out) as { diagnostics: { location: { path: string } }[] };
  refused = new Set(report.diagnostics.map((d) => d.location.path));
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the lint keeps the import rules of docs/architecture.md', () => {
  it.each(PROBES.map(([path, from, no], i) => [path, from, no ? 'refused' : 'allowed', i] as const))(
    '%s importing %s: %s',
    (path, _from, verdict, i) => {
      expect(refused.has(probePath(path, i)) ? 'refused' : 'allowed').toBe(verdict);
    },
  );
});
