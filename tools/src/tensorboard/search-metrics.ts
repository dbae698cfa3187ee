// The metrics of an exported search as the hparams plugin lists them, and the scalars of each
// trial's place in the ranking: with several objectives (or constraints) every objective is a
// metric of its own, and each trial's Pareto front (and constraint violation) a scalar, so the
// hparams dashboard can sort and filter trials by them.
import type { LeaderboardJson, Ranked } from "../formats/leaderboard.ts";
import { isPareto } from "../formats/objectives.ts";
import type { MetricInfo, Scalar } from "./events.ts";
import { TEST_PREFIX } from "./runs.ts";

/** The tag of a trial's Pareto front (1: the front). */
export const PARETO_RANK_TAG = "pareto/rank";
/** The tag of a trial's constraint violation (0: it keeps every constraint). */
export const VIOLATION_TAG = "pareto/violation";

type Ranking = Pick<LeaderboardJson, "metric" | "goal" | "objectives" | "constraints">;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The experiment's metrics: the final metrics (`finals`, by name, as test/<name>), then with
 * Pareto ranking its scalars, then the curves' last values (`curveTags`). A search by one
 * metric lists that metric first, the others by name; a search by several objectives lists
 * every objective first, in the order given, then the others by name.
 */
export function searchMetricInfos(board: Ranking, finals: Iterable<string>, curveTags: Iterable<string>): MetricInfo[] {
  const multi = board.objectives.length > 1;
  const lead = multi ? board.objectives : [{ name: board.metric, goal: board.goal }];
  const names = [...new Set(finals)];
  const first = lead.filter((o) => names.includes(o.name));
  const rest = names.filter((n) => !lead.some((o) => o.name === n)).sort(byText);
  const describe = (name: string): string => {
    const k = lead.findIndex((o) => o.name === name);
    if (k < 0) return `${name} on the test data`;
    return multi
      ? `${name} on the test data, objective ${k + 1} of ${lead.length} the search ranks by (${lead[k]!.goal})`
      : `${name} on the test data, the metric the search ranks by (${board.goal})`;
  };
  const ranking: MetricInfo[] = isPareto(board.objectives, board.constraints)
    ? [
        { tag: PARETO_RANK_TAG, description: "the trial's Pareto front among the trials that trained as far: 1 is the front, trials no other beats on every objective" },
        ...(board.constraints.length ? [{ tag: VIOLATION_TAG, description: "how far the trial is outside the constraints: 0 when it keeps them all" }] : []),
      ]
    : [];
  return [
    ...[...first.map((o) => o.name), ...rest].map((name) => ({ tag: `${TEST_PREFIX}${name}`, description: describe(name) })),
    ...ranking,
    ...[...new Set(curveTags)].sort(byText).map((tag) => ({ tag, description: `${tag} at the last epoch of the learning curve` })),
  ];
}

/** A trial's ranking scalars: none without Pareto ranking or when it was not ranked (it did not succeed). */
export function rankingScalars(board: Ranking, t: Pick<Ranked, "pareto_rank" | "violation">): Scalar[] {
  if (!isPareto(board.objectives, board.constraints) || t.pareto_rank === null) return [];
  return [
    { tag: PARETO_RANK_TAG, value: t.pareto_rank },
    ...(board.constraints.length && t.violation !== null ? [{ tag: VIOLATION_TAG, value: t.violation }] : []),
  ];
}
