/**
 * A bounded map of pending or settled answers, each kept until its own expiry
 * time. A rejected answer is dropped at once (a failure is not an answer: the
 * next caller asks again). When full, expired entries go first, then the
 * oldest. The user token cache ({@link CachedUserTokenAuth}) keeps its
 * verified tokens in one.
 */
export class ExpiringCache<V> {
  readonly #maxEntries: number;
  readonly #entries = new Map<
    string,
    { expiresAt: number; value: Promise<V> }
  >();

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /** Entries kept now, expired ones included until they are swept (tests). */
  get size(): number {
    return this.#entries.size;
  }

  /** The answer kept for `key`, unless there is none or it expired by `now`. */
  get(key: string, now: number): Promise<V> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** Keeps `value` for `key` until `expiresAt` (or until it rejects). */
  set(key: string, value: Promise<V>, expiresAt: number, now: number): void {
    if (expiresAt <= now) return;
    if (this.#entries.size >= this.#maxEntries) this.#sweep(now);
    const entry = { expiresAt, value };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
  }

  // Drops expired entries, then the oldest until there is room for one more.
  #sweep(now: number) {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }
}
