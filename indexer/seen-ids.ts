import { createHash } from 'node:crypto';

/**
 * The ids a run has seen, to report those seen twice, in memory that stays small whatever the input's size: each id
 * is kept as a 64-bit hash in an open-addressing table of typed arrays (16 bytes an id at most, against about 120 for
 * a Map of strings, estimated: the Map of a 1 GB run's 377,000 ids ended it out of heap), and only the repeated ids
 * as strings.
 * Two different ids share a hash with a probability of about n² / 2⁶⁵ (3 in 100 million for a million ids): such an
 * id would be reported as seen twice, never lost.
 */
export class SeenIds {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private count = 0;
  private readonly repeated = new Set<string>();

  constructor(capacity = 1 << 12) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
  }

  /** Records an id; returns whether it was seen before. */
  add(id: string): boolean {
    const digest = createHash('sha1').update(id).digest();
    // 0:0 marks an empty slot: an id hashing to it is kept as 0:1.
    const hi = digest.readUInt32LE(0);
    const lo = digest.readUInt32LE(4) || (hi === 0 ? 1 : 0);
    if (this.insert(hi, lo)) {
      this.count++;
      if (this.count * 2 > this.hi.length) this.grow();
      return false;
    }
    this.repeated.add(id);
    return true;
  }

  /** Ids seen more than once, in the order they were first repeated. */
  duplicates(): string[] {
    return [...this.repeated];
  }

  get size(): number {
    return this.count;
  }

  /** Puts a hash in the table; false when it is there already. */
  private insert(hi: number, lo: number): boolean {
    const mask = this.hi.length - 1;
    for (let i = (hi ^ lo) & mask; ; i = (i + 1) & mask) {
      const h = this.hi[i] ?? 0;
      const l = this.lo[i] ?? 0;
      if (h === 0 && l === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        return true;
      }
      if (h === hi && l === lo) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) {
      const h = hi[i] ?? 0;
      const l = lo[i] ?? 0;
      if (h !== 0 || l !== 0) this.insert(h, l);
    }
  }
}
