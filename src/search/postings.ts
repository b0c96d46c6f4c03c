/** Compact posting lists for the in-memory title index (titles.ts). */

const varintBytes = (gap: number): number => (gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5);

/**
 * One gram's ascending name numbers, stored as the gaps between them in 7-bit varint bytes: at 100k roles
 * the ~7M entries take ~7 MB instead of 27 MB as Int32Array (most gaps fit in one byte). Built in two passes
 * over the names (measure, then write), so each list is allocated once at its size: growing buffers left
 * ~20 MB of garbage at open. A name given twice in a row counts once.
 */
export class Postings {
  count = 0;
  private bytes: Uint8Array | null = null;
  private size = 0;
  private last = -1;

  /** First pass: make room for name i. */
  measure(i: number): void {
    if (i === this.last) return;
    this.size += varintBytes(i - this.last);
    this.last = i;
    this.count++;
  }

  /** Second pass, in the same order: write name i. */
  add(i: number): void {
    if (!this.bytes) {
      this.bytes = new Uint8Array(this.size);
      this.size = 0;
      this.last = -1;
    }
    if (i === this.last) return;
    let gap = i - this.last;
    this.last = i;
    while (gap >= 0x80) {
      this.bytes[this.size++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    this.bytes[this.size++] = gap;
  }

  forEach(fn: (i: number) => void): void {
    const b = this.bytes!;
    let i = -1;
    for (let p = 0; p < b.length; ) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const x = b[p++];
        gap |= (x & 0x7f) << shift;
        if (!(x & 0x80)) break; // also past the end (undefined), so a short buffer cannot loop forever
      }
      i += gap;
      fn(i);
    }
  }
}
