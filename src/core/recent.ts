// The last few values computed from long keys (an article body, say), newest last.
//
// An array, not a Map with its oldest key deleted. With a Map that had lived long enough to reach the old
// generation, replacing its young entries kept garbage alive: 25% of the young generation survived each
// collection instead of 1–2% (node --trace-gc-nvp), and a new article's first claim took 0.1 ms longer
// (npm run bench:stance; docs/benchmarks.md). Most likely each retired hash table links to its successor
// and the young-generation collector follows that link from the dead old table; this is measured, not
// read in V8's source.

export class Recent<K, V> {
  private readonly entries: { key: K; value: V }[] = [];

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    for (const e of this.entries) if (e.key === key) return e.value;
    return undefined;
  }

  /** Keeps value under key, dropping the oldest entry beyond the size. */
  set(key: K, value: V): V {
    this.entries.push({ key, value });
    if (this.entries.length > this.size) this.entries.shift();
    return value;
  }
}
