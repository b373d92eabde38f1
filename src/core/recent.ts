// The last few values computed from long keys (an article body, say), newest last.
//
// An array, not a Map with its oldest key deleted: a Map that lives long enough to reach the old
// generation and keeps replacing young entries retires its hash tables one after another, and each
// retired table still points to the next. The young-generation collector treats the dead old table as
// alive, so every retired table and the article analyses it holds survived and were copied: 25% of the
// young generation survived each collection instead of 1%, and a new article's first claim took 0.1 ms
// longer (npm run bench:stance; docs/benchmarks.md).

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
