/**
 * Remembers recently handled events so a Slack retry (same event_id) or a second event about the
 * same message (app_mention and message.im for one mention in a DM: same channel and ts) is
 * answered once. Bounded by age and count so memory stays flat on a busy workspace.
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when none of the keys was seen (all are then recorded); false for a duplicate. */
  claim(keys: string[]): boolean {
    const t = this.now();
    this.evict(t);
    if (keys.some((k) => this.seen.has(k))) return false;
    for (const k of keys) this.seen.set(k, t);
    return true;
  }

  /** Forget keys whose answer failed, so Slack's retry gets another chance. */
  release(keys: string[]): void {
    for (const k of keys) this.seen.delete(k);
  }

  private evict(t: number): void {
    // Map iteration is insertion order, so the oldest entries come first.
    for (const [k, at] of this.seen) {
      if (t - at < this.ttlMs && this.seen.size <= this.max) break;
      this.seen.delete(k);
    }
  }
}
