/**
 * Reports kept by key, each served again only while the store's revision is
 * the one it was computed at and it is younger than `maxAgeMs` (a window
 * ending "now" moves on). Requests that miss at the same time share one
 * computation; a failed one is not kept. Bounded: when full, the oldest entry
 * goes.
 */
export class ReportCache<V> {
  readonly #entries = new Map<
    string,
    { revision: number; computedAt: number; value: Promise<V> }
  >();

  constructor(
    private readonly options: { maxAgeMs: number; maxEntries: number },
  ) {}

  /** Entries kept now (tests). */
  get size(): number {
    return this.#entries.size;
  }

  /** The report for `key` at `revision`: kept, or computed now and kept. */
  get(
    key: string,
    revision: number,
    now: number,
    compute: () => Promise<V>,
  ): Promise<V> {
    const { maxAgeMs, maxEntries } = this.options;
    if (maxAgeMs <= 0) return compute();
    const kept = this.#entries.get(key);
    if (
      kept &&
      kept.revision === revision &&
      now >= kept.computedAt &&
      now - kept.computedAt < maxAgeMs
    ) {
      return kept.value;
    }
    const entry = { revision, computedAt: now, value: compute() };
    this.#entries.delete(key);
    if (this.#entries.size >= maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return entry.value;
  }
}
