/** Memory, CPU time and disk of processes and folders, read the way `ps` and `du` read them (Linux /proc, du). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MB = 1024 * 1024;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? (Number(m[1]) * 1024) / MB : Number.NaN;
  } catch {
    return Number.NaN; // gone
  }
}

/** Resident memory now, in MB. */
export const rssMb = (pid: number): number => statusField(pid, 'VmRSS');

/** Peak resident memory since the process started (the kernel's high-water mark), in MB. */
export const peakRssMb = (pid: number): number => statusField(pid, 'VmHWM');

/** CPU seconds a process has used so far (user + system, /proc/PID/stat); NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN; // gone
  }
}

/** Bytes a folder takes on disk (allocated blocks, as `du` counts them: sparse files count what they use). */
export function diskMb(dir: string): number {
  const out = execFileSync('du', ['-s', '--block-size=1', dir], { encoding: 'utf8' });
  return Number(out.split(/\s/u)[0]) / MB;
}

/**
 * Reads a figure of a process that only grows (CPU time, the RSS high-water mark) every `everyMs` until it exits (its
 * /proc entry is gone then, so the last reading is kept); returns a function that stops and gives the largest seen.
 */
function followGrowing(read: () => number, everyMs: number): () => number {
  let largest = 0;
  const sample = () => {
    const v = read();
    if (!Number.isNaN(v)) largest = Math.max(largest, v);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => {
    sample();
    clearInterval(timer);
    return largest;
  };
}

/** A process's CPU seconds until it exits (within one interval of its total). */
export const followCpu = (pid: number, everyMs = 200): (() => number) => followGrowing(() => cpuSeconds(pid), everyMs);

/** A process's peak RSS until it exits: the high-water mark only grows, so the last reading before the exit is it. */
export const followPeakRss = (pid: number, everyMs = 200): (() => number) =>
  followGrowing(() => peakRssMb(pid), everyMs);
