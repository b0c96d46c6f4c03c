/** Latency summaries for benchmarks. */
export type Summary = { n: number; mean: number; p50: number; p99: number; max: number };

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: number[]): Summary {
  const s = samples.slice().sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, mean, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

/** Milliseconds taken by each call of fn over the inputs, in input order. */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown): number[] {
  return inputs.map((x) => {
    const t = performance.now();
    fn(x);
    return performance.now() - t;
  });
}
