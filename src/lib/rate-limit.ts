/**
 * Token buckets per key, in this process's memory: `perMinute` requests a minute on average, with
 * bursts up to the same number. Several processes each keep their own buckets.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token for `key`: 0 when allowed, else the seconds to wait before the next is free. */
  take(key: string): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * this.refillPerMs);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.prune(t);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.refillPerMs / 1000));
  }

  private prune(t: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(k);
  }
}
