// The median the benchmark's tables use: of regret differences (comparisons.ts) and of costs (costs.ts).

/** The middle value, or the mean of the middle two; NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
