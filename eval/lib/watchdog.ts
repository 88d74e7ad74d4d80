import { spawn } from 'node:child_process';

/**
 * A tiny detached process that cleans up after this one if it dies without doing so itself. Under tsx, Ctrl-C while
 * this process is busy (indexing is synchronous work) ends in SIGKILL: no handler runs, and the temporary folder (and,
 * were it still alive, the engine) would be left behind. The watchdog polls this process; once it is gone it stops
 * the engine named in the lock file (only if this process owned it) and removes the folder, then exits. After a
 * normal end it finds nothing left to do and exits within a second.
 */
const SCRIPT = `
const fs = require('node:fs');
const [owner, dir, lockPath] = process.argv.slice(1);
for (const s of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(s, () => {});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (alive(Number(owner))) return;
  clearInterval(timer);
  let engine = 0;
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    if (lock.ownerPid === Number(owner) && typeof lock.pid === 'number' && alive(lock.pid)) { engine = lock.pid; process.kill(engine, 'SIGTERM'); }
  } catch {}
  let waited = 0;
  const finish = setInterval(() => {
    waited += 200;
    if (engine && alive(engine) && waited < 10000) return;
    if (engine && alive(engine)) { try { process.kill(engine, 'SIGKILL'); } catch {} }
    clearInterval(finish);
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    process.exit(0);
  }, 200);
}, 300);
`;

export function startWatchdog(options: { dir: string; lockPath: string }): void {
  const child = spawn(process.execPath, ['-e', SCRIPT, String(process.pid), options.dir, options.lockPath], {
    detached: true, // its own process group: the terminal's Ctrl-C does not reach it
    stdio: 'ignore',
  });
  child.unref();
}
