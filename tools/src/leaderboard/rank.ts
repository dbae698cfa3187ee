// The order of a leaderboard's scored trials, and the best trial. By one metric: by its value.
// By several objectives or with constraints: by non-dominated sorting (Deb et al. 2002), the
// feasible trials' fronts first, then the infeasible ones by how far out they are; inside a
// front by the first objective (`select`'s), so that a 2-D front reads as a curve. With a
// scheduler, trials that trained further always come first, and fronts are sorted among trials
// that trained as far. Ties keep the declared order, so the ranking is deterministic.
import { KNEE, type Goal, type Objective } from "../formats/objectives.ts";
import { crowdingDistances, kneeIndex, nonDominatedRanks, toMinimized } from "../pareto/front.ts";

export interface ScoredTrial {
  /** Its place in the declared order: breaks ties. */
  order: number;
  /** Stopped by a rung (ranks after every trial that trained to the end). */
  pruned: boolean;
  /** Epochs trained, with a scheduler (more ranks first); 0 without. */
  epochs: number;
  /** Its objectives' values, in the objectives' order. */
  values: readonly number[];
  /** How far it is outside the constraints; 0 when it keeps them. */
  violation: number;
}

export interface Placing {
  /** 1-based front in its group (trials that trained as far). */
  paretoRank: number;
  /** Crowding distance in its front; null when infinite. */
  crowding: number | null;
}

export interface Ranking {
  /** Indices into the scored trials, best first. */
  order: number[];
  /** By index into the scored trials. */
  placings: Placing[];
  /** Indices of the front (rank 1 of the first group), in leaderboard order: the best first. */
  front: number[];
  /** Index of the best trial. */
  best: number;
}

/** Groups of trials that trained as far (indices in declared order): not pruned first, then by epochs, most first. */
function groups(scored: readonly ScoredTrial[]): number[][] {
  const before = (a: ScoredTrial, b: ScoredTrial): number => Number(a.pruned) - Number(b.pruned) || b.epochs - a.epochs;
  const out: number[][] = [];
  for (const i of scored.map((_, i) => i).sort((a, b) => before(scored[a]!, scored[b]!) || a - b)) {
    const last = out[out.length - 1];
    if (last && before(scored[last[0]!]!, scored[i]!) === 0) last.push(i);
    else out.push([i]);
  }
  return out;
}

/**
 * Ranks the scored trials (every one succeeded or was pruned, with finite values).
 * `select` is null for one objective, else "knee" or an objective's name.
 */
export function rankTrials(
  scored: readonly ScoredTrial[],
  objectives: readonly Objective[],
  select: string | null,
): Ranking {
  const goals: Goal[] = objectives.map((o) => o.goal);
  // The objective fronts are read along: `select`'s, else the first.
  const lead = Math.max(0, objectives.findIndex((o) => o.name === select));
  const minimized = scored.map((t) => toMinimized(t.values, goals));
  const placings: Placing[] = scored.map(() => ({ paretoRank: 0, crowding: null }));
  const order: number[] = [];
  let front: number[] = [];
  for (const [g, members] of groups(scored).entries()) {
    const ranks = nonDominatedRanks(members.map((i) => ({ values: minimized[i]!, violation: scored[i]!.violation })));
    members.forEach((i, k) => (placings[i]!.paretoRank = ranks[k]!));
    for (const rank of [...new Set(ranks)]) {
      const inFront = members.filter((_, k) => ranks[k] === rank);
      const distances = crowdingDistances(inFront.map((i) => minimized[i]!));
      inFront.forEach((i, k) => (placings[i]!.crowding = Number.isFinite(distances[k]!) ? distances[k]! : null));
    }
    const sorted = [...members].sort(
      (a, b) =>
        Number(scored[a]!.violation > 0) - Number(scored[b]!.violation > 0) ||
        placings[a]!.paretoRank - placings[b]!.paretoRank ||
        minimized[a]![lead]! - minimized[b]![lead]! ||
        scored[a]!.order - scored[b]!.order,
    );
    if (g === 0) {
      front = sorted.filter((i) => placings[i]!.paretoRank === 1);
      if (select === KNEE && front.length > 0) {
        // The knee goes first: it is the best trial, and rank 1 is the best trial.
        const knee = front[kneeIndex(front.map((i) => minimized[i]!))]!;
        front = [knee, ...front.filter((i) => i !== knee)];
        sorted.splice(0, front.length, ...front);
      }
    }
    order.push(...sorted);
  }
  const best = order[0];
  if (best === undefined) throw new Error("no scored trials to rank");
  return { order, placings, front, best };
}
