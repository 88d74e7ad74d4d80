/**
 * `npm run index -- --watch PATH...`: a sync of the paths, then the index kept in step with them. File events
 * (added, changed, removed, renamed: a removal and an addition) are collected while they come and synced as one batch
 * once the folder is quiet for a moment, each batch a sync of just the files and folders that changed. Files count only
 * once their size stood still for a while (a file being copied or written is not read half-way); hidden files and
 * editors' temporary and backup files are not articles.
 */
import type { Stats } from 'node:fs';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import type { Gateway, LockOptions } from '../engine/index.js';
import type { AnalysisOptions } from './document-maker.js';
import { SUPPORTED_EXTENSIONS } from './files.js';
import type { Progress } from './progress.js';
import type { SenderOptions } from './sender.js';
import { isUnder } from './stored.js';
import { runSync, type SyncResult } from './sync.js';

/** One object configures a watch; defaults in WATCH_DEFAULTS. */
export interface WatchOptions extends SenderOptions {
  paths: readonly string[];
  /** A batch goes once no change came for this long… */
  quietMs?: number;
  /** …or this long after its first change, however busy the folder. */
  maxDelayMs?: number;
  /** A file counts as written once its size stood still this long. */
  writeFinishMs?: number;
  /** Wait before a batch that failed (engine away) is tried again. */
  retryMs?: number;
  /** Each sync: the first, of every path, then one per batch of changes. */
  onSync: (result: SyncResult, paths: readonly string[], initial: boolean) => void;
  /** A batch that could not run (the engine is away): it is tried again. */
  onError: (err: Error, paths: readonly string[]) => void;
  /** Progress of the first sync. */
  progress?: (totalBytes: number) => Progress;
  lock?: Partial<LockOptions>;
  analysis?: AnalysisOptions;
}

export const WATCH_DEFAULTS = { quietMs: 1000, maxDelayMs: 5000, writeFinishMs: 500, retryMs: 5000 } as const;

/** Editors' and downloaders' temporary, swap and backup files (whatever extension precedes them). */
const TEMPORARY =
  /(?:~|\.(?:swp|swx|swo|tmp|temp|part|partial|crdownload|download|bak|orig|kate-swp)|___jb_(?:tmp|old)___)$/i;

/**
 * Whether a path under one of the watched roots is not an article file (or folder) to follow: hidden entries (as
 * the indexer skips them: dot files, editors' `.#locks`), temporary files, and files of other types.
 */
export function ignoredPath(path: string, roots: readonly string[], stats?: Stats): boolean {
  const root = roots.find((r) => isUnder(path, r));
  if (root === undefined) return false; // a root's parents, on the way to it
  if (path === root) return false;
  const parts = relative(root, path).split(sep);
  if (parts.some((p) => p.startsWith('.'))) return true;
  const name = basename(path);
  if (TEMPORARY.test(name) || /^#.*#$/.test(name) || name === '4913') return true; // 4913: vim's probe file
  return stats?.isFile() === true && !isArticleFile(path);
}

const isArticleFile = (path: string) =>
  (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());

/** The paths without those inside another one of them (a folder's sync covers its files). */
export function outermost(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && isUnder(p, q)));
}

export interface Watching {
  /** Stops watching; a batch under way finishes first. */
  close(): Promise<void>;
}

/** Syncs the paths, then follows them until close(). */
export async function watchPaths(gateway: Gateway, options: WatchOptions): Promise<Watching> {
  const config = { ...WATCH_DEFAULTS, ...options };
  const roots = options.paths.map((p) => resolve(p));
  const sync = (paths: readonly string[], initial: boolean) =>
    runSync(gateway, {
      ...options,
      paths,
      missingIsEmpty: !initial,
      ...(initial && options.progress ? { progress: options.progress } : {}),
      ...(initial ? {} : { progress: quiet }),
    });

  options.onSync(await sync(options.paths, true), options.paths, true);

  const pending = new Set<string>();
  let firstAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = (delay?: number) => {
    if (closed) return;
    clearTimeout(timer);
    firstAt ??= Date.now();
    const wait = delay ?? Math.max(0, Math.min(config.quietMs, firstAt + config.maxDelayMs - Date.now()));
    timer = setTimeout(flush, wait);
  };
  const flush = () => {
    if (running || pending.size === 0) return; // a batch under way picks these up when it ends
    const paths = outermost(pending);
    pending.clear();
    firstAt = undefined;
    running = sync(paths, false)
      .then(
        (result) => {
          options.onSync(result, paths, false);
          if (result.engineFailure) retry(paths);
        },
        (err: unknown) => {
          options.onError(err instanceof Error ? err : new Error(String(err)), paths);
          retry(paths);
        },
      )
      .finally(() => {
        running = undefined;
        if (pending.size > 0) schedule();
      });
  };
  const retry = (paths: readonly string[]) => {
    for (const p of paths) pending.add(p);
    schedule(config.retryMs);
  };

  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    ignored: (path, stats) => ignoredPath(resolve(path), roots, stats),
    awaitWriteFinish: { stabilityThreshold: config.writeFinishMs, pollInterval: 100 },
    atomic: true,
  });
  const changed = (path: string, isFile: boolean) => {
    const absolute = resolve(path);
    if (isFile && !isArticleFile(absolute)) return;
    pending.add(absolute);
    schedule();
  };
  watcher.on('add', (p) => changed(p, true));
  watcher.on('change', (p) => changed(p, true));
  watcher.on('unlink', (p) => changed(p, true));
  // A new folder's files come as `add` events each, once written whole: a sync of the folder now could read them
  // half-written. But chokidar misses a file created between its scan of a new folder and the watch it then sets on
  // it (paulmillr/chokidar#1471; seen in CI: one file of a burst of twelve never came), so the folder is synced whole
  // once its files had the time a file is given to be written: whatever the events missed comes with it, and a file
  // still being written then comes again with its own event. A removed folder is synced as a whole (everything that
  // came from it goes).
  const newFolders = new Set<NodeJS.Timeout>();
  watcher.on('addDir', (p) => {
    const timer = setTimeout(() => {
      newFolders.delete(timer);
      changed(p, false);
    }, config.writeFinishMs);
    newFolders.add(timer);
  });
  watcher.on('unlinkDir', (p) => changed(p, false));
  watcher.on('error', (err) => options.onError(err instanceof Error ? err : new Error(String(err)), roots));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const t of newFolders) clearTimeout(t);
      await watcher.close();
      await running;
    },
  };
}

const quiet = (): Progress => ({ advance() {}, note() {}, stop() {} });
