import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, well enough to tell later whether it still runs: pids are reused and differ between pid
 * namespaces (containers), so a pid means something only on the same machine (host name, kernel boot, pid
 * namespace) and together with its start time.
 */
export interface ProcessIdentity {
  /** Host name, kernel boot id and pid namespace: processes with the same value can see each other's pids. */
  machine: string;
  pid: number;
  /** When the process started, in clock ticks since boot (Linux /proc); null where it cannot be read. */
  start: number | null;
}

function readOr(read: () => string, fallback: string): string {
  try {
    return read().trim();
  } catch {
    return fallback;
  }
}

/** The start time of `pid` in clock ticks since boot (field 22 of /proc/PID/stat), or null when unreadable. */
export function processStartTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it start past its last `)`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (EPERM: it does, and belongs to another user). */
function exists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let self: ProcessIdentity | undefined;

/** This process. */
export function currentProcess(): ProcessIdentity {
  self ??= {
    machine: [
      hostname(),
      readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'), 'no-boot-id'),
      readOr(() => readlinkSync('/proc/self/ns/pid'), 'no-pid-ns'),
    ].join('/'),
    pid: process.pid,
    start: processStartTicks(process.pid),
  };
  return self;
}

/**
 * Whether a process seen on this machine still runs: its pid is alive and started when it did then (a pid reused by
 * another program has another start time). Only meaningful when `machine` is this process's machine.
 */
export function stillRunning(identity: Pick<ProcessIdentity, 'pid' | 'start'>): boolean {
  if (!exists(identity.pid)) return false;
  if (identity.start === null) return true;
  const now = processStartTicks(identity.pid);
  return now === null || now === identity.start;
}
