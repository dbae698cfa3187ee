// The manifest databazel/private/sampler.bzl writes for each DatabazelSampler action (a batch of
// a search with `sampler`): the space, every earlier trial's files, and where the new trials'
// hyperparameter files go (tools/src/bin/sampler.ts writes them).
import { readManifest } from "./manifest.ts";
import { goal } from "./leaderboard.ts";
import { constraint, objective } from "./objectives.ts";
import { arrayOf, literal, nullable, number, object, recordOf, string, type ShapeOf } from "./shape.ts";

/** One parameter of `space`, as the rules parsed it (databazel/private/trials.bzl). */
export const distribution = object({
  kind: literal("uniform", "loguniform", "int", "choice"),
  low: number,
  high: number,
  /** The options of choice(); [] for the others. */
  choices: arrayOf(string),
});
export type DistributionFields = ShapeOf<typeof distribution>;

/** An earlier trial: its hyperparameters (a file, since they may be proposed too) and its validation result. */
export const samplerHistoryTrial = object({
  name: string,
  hyperparams: string,
  metrics: string,
  outcome: string,
});

export const samplerManifest = object({
  label: string,
  /** The first objective (or the only one). */
  metric: string,
  goal,
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** "tpe" (MO-TPE with several objectives or constraints), "nsga2", or "executable" for a sampler executable. */
  sampler: literal("tpe", "nsga2", "executable"),
  /** The sampler executable's path, for "executable"; else null. */
  executable: nullable(string),
  /** Its label, for messages; else null. */
  sampler_label: nullable(string),
  seed: number,
  /** 1-based; the first batch is drawn at random at analysis time and has no propose action. */
  batch: number,
  space: recordOf(distribution),
  /** Hyperparameters every trial has (`hyperparams`), written into each proposal too. */
  fixed: recordOf(string),
  /** Every trial of the earlier batches, in order. */
  history: arrayOf(samplerHistoryTrial),
  /** The new trials: their names and where their hyperparameter files go. */
  proposals: arrayOf(object({ name: string, hyperparams: string })),
});
export type SamplerManifest = ShapeOf<typeof samplerManifest>;

export function readSamplerManifest(path: string): SamplerManifest {
  return readManifest(samplerManifest, path, "propose manifest");
}
