// The manifest databazel/private/actions/aggregate.bzl writes for the DatabazelAggregate action
// (tools/src/bin/aggregate.ts): the search's ranking settings and every trial's files, by their
// unmapped exec-root paths. Its field names are generated into databazel/private/contract.bzl.
import { readManifest } from "./manifest.ts";
import { goal } from "./leaderboard.ts";
import { arrayOf, number, object, recordOf, string, type ShapeOf } from "./shape.ts";

export const aggregateTrial = object({
  name: string,
  hyperparams: recordOf(string),
  seed: number,
  /** The trial's model, exec-root relative: what the action reads and copies. */
  model: string,
  /** The same model relative to bazel-bin's root, for the leaderboard. */
  model_short_path: string,
  metrics: string,
  /** The trial's eval run record: its outcome (an eval of a failed training passes that on). */
  record: string,
});

export const aggregateManifest = object({
  label: string,
  metric: string,
  goal,
  /** How many trials may fail (not succeed) before the search fails; 0 fails on the first. */
  max_failed_trials: number,
  /** In declaration order: equal scores keep it. */
  trials: arrayOf(aggregateTrial),
});
export type AggregateManifest = ShapeOf<typeof aggregateManifest>;

export function readAggregateManifest(path: string): AggregateManifest {
  return readManifest(aggregateManifest, path, "aggregate manifest");
}
