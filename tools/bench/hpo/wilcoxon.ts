// The Wilcoxon signed-rank test, two-sided, on paired samples: is one method's regret different
// from its counterpart's on the same tasks and seeds? Zeros (equal pairs) are dropped (Wilcoxon's
// own rule, scipy's zero_method="wilcox"). With no ties among the remaining |differences| and at
// most EXACT_MAX_N of them, the p-value is exact (the null distribution of W+ counted over all
// 2^n sign patterns); otherwise it is the normal approximation with the tie correction of the
// variance and no continuity correction (scipy's method="asymptotic", correction=False).

/** Above this many non-zero pairs the exact distribution is not counted (scipy's limit too). */
export const EXACT_MAX_N = 50;

export interface WilcoxonResult {
  /** Pairs given. */
  pairs: number;
  /** Pairs with a non-zero difference: the test's n. */
  n: number;
  /** Sum of the ranks of the positive differences (x > y) and of the negative ones. */
  wPlus: number;
  wMinus: number;
  /** min(W+, W-), the statistic scipy reports for a two-sided test. */
  statistic: number;
  /** Two-sided p-value; 1 when every pair is equal. */
  p: number;
  /** How p was computed: "exact", "normal" (approximation), or "none" (no non-zero pair). */
  method: "exact" | "normal" | "none";
}

/** Ranks 1..n of the values (ties get their mean rank), and whether any two were tied. */
export function averageRanks(values: number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]![0] === order[start]![0]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]![1]] = rank;
    if (end - start > 1) ties.push(end - start);
    start = end;
  }
  return { ranks, ties };
}

/** The exact null distribution of W+ for n pairs: counts[w] of the 2^n sign patterns. */
function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let w = max; w >= rank; w--) counts[w]! += counts[w - rank]!;
  }
  return counts;
}

/** The complementary error function, to a relative error below 1.2e-7 (Numerical Recipes' erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Wilcoxon's signed-rank test of x against y (pairs x[i], y[i]), two-sided. */
export function wilcoxon(x: number[], y: number[]): WilcoxonResult {
  if (x.length !== y.length) throw new Error(`wilcoxon: ${x.length} values against ${y.length}: the samples must be paired`);
  const diffs = x.map((v, i) => v - y[i]!).filter((d) => d !== 0);
  if (diffs.some((d) => Number.isNaN(d))) throw new Error("wilcoxon: a difference is NaN");
  const n = diffs.length;
  if (n === 0) return { pairs: x.length, n, wPlus: 0, wMinus: 0, statistic: 0, p: 1, method: "none" };
  const { ranks, ties } = averageRanks(diffs.map(Math.abs));
  let wPlus = 0;
  let wMinus = 0;
  diffs.forEach((d, i) => (d > 0 ? (wPlus += ranks[i]!) : (wMinus += ranks[i]!)));
  const statistic = Math.min(wPlus, wMinus);
  const base = { pairs: x.length, n, wPlus, wMinus, statistic };
  if (ties.length === 0 && n <= EXACT_MAX_N) {
    const counts = signedRankCounts(n);
    const total = 2 ** n;
    const below = counts.slice(0, Math.round(wPlus) + 1).reduce((a, b) => a + b, 0) / total;
    const above = counts.slice(Math.round(wPlus)).reduce((a, b) => a + b, 0) / total;
    return { ...base, p: Math.min(1, 2 * Math.min(below, above)), method: "exact" };
  }
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - ties.reduce((s, t) => s + t ** 3 - t, 0) / 48;
  const z = (wPlus - mean) / Math.sqrt(variance);
  // Two-sided: 2 * Phi(-|z|) = erfc(|z| / sqrt 2).
  return { ...base, p: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)), method: "normal" };
}
