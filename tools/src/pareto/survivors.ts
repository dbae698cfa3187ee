// NSGA-II's survivor selection: which points of a population go on to the next generation.
import { crowdingDistances } from "./crowding.ts";
import { nonDominatedRanks, type Point } from "./sorting.ts";

/**
 * The indices of the `keep` points to keep, NSGA-II's survivor selection (Deb et al. 2002):
 * whole ranks (nonDominatedRanks, so feasible fronts before infeasible points) in rank order;
 * from the rank that does not fit, the largest crowding distances first (computed over that
 * rank's points alone, also when it is a group of infeasible points with equal violation),
 * ties by input order. Returned in input order. keep >= points.length keeps all.
 */
export function selectSurvivors(points: readonly Point[], keep: number): number[] {
  if (!Number.isInteger(keep) || keep < 0) throw new Error(`selectSurvivors: keep must be a whole number >= 0, got ${keep}`);
  const ranks = nonDominatedRanks(points);
  if (keep >= points.length) return points.map((_, i) => i);
  const byRank = new Map<number, number[]>();
  ranks.forEach((rank, i) => {
    const members = byRank.get(rank);
    if (members) members.push(i);
    else byRank.set(rank, [i]);
  });
  const kept: number[] = [];
  for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
    const members = byRank.get(rank)!;
    const room = keep - kept.length;
    if (room <= 0) break;
    if (members.length <= room) {
      kept.push(...members);
      continue;
    }
    const distance = crowdingDistances(members.map((i) => points[i]!.values));
    const order = members.map((_, m) => m).sort((a, b) => byDistanceDescending(distance[a]!, distance[b]!) || a - b);
    kept.push(...order.slice(0, room).map((m) => members[m]!));
    break;
  }
  return kept.sort((a, b) => a - b);
}

/** Larger distance first; explicit comparisons because Infinity - Infinity is NaN. */
function byDistanceDescending(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
