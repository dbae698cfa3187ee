// Where each trial of a search with a scheduler ended, read from its rungs' summaries: the bracket, the
// last rung it reached, the epochs it trained, and why it stopped. The leaderboard action ranks
// the leaderboard with it and writes the schedule the report and `databazel show` draw.
import type { SchedulerSettings } from "../formats/leaderboard-manifest.ts";
import type { Schedule } from "../formats/leaderboard.ts";
import type { Outcome } from "../formats/run-record.ts";
import { prunedError, readRungSummary, type RungSummary } from "../formats/scheduler.ts";

export interface TrialPlace {
  bracket: number;
  /** Hyperband's iteration, from 1. */
  iteration: number;
  /** 1-based. */
  rung: number;
  epochs: number;
  /** Set when a rung stopped it: the one-line reason. */
  pruned: string | null;
}

export interface ScheduleOutcomes {
  places: Map<string, TrialPlace>;
  /** The deciding rungs' summaries, per bracket in the manifest's order. */
  summaries: RungSummary[][];
}

export function readScheduleOutcomes(schedule: SchedulerSettings, label: string): ScheduleOutcomes {
  const places = new Map<string, TrialPlace>();
  const summaries = schedule.brackets.map((bracket) =>
    bracket.rungs.flatMap((r) => (r.summary === null ? [] : [readRungSummary(r.summary, label)])),
  );
  schedule.brackets.forEach((bracket, b) => {
    for (const trial of bracket.trials) {
      const place: TrialPlace = { bracket: bracket.bracket, iteration: bracket.iteration, rung: 1, epochs: bracket.rungs[0]!.epochs, pruned: null };
      for (const summary of summaries[b]!) {
        const entry = summary.trials.find((t) => t.trial === trial);
        if (!entry || entry.outcome !== "succeeded") break;
        if (entry.decision === "stop") {
          place.pruned = prunedError({ ...summary, decision: "stop", of: summary.trials.length });
          break;
        }
        place.rung = summary.rung + 1;
        place.epochs = bracket.rungs[summary.rung]!.epochs;
      }
      places.set(trial, place);
    }
  });
  return { places, summaries };
}

/** The leaderboard's schedule: every rung with its trials, the last with their final results. */
export function leaderboardSchedule(
  schedule: SchedulerSettings,
  outcomes: ScheduleOutcomes,
  final: Map<string, { outcome: Outcome; value: number | null }>,
): Schedule {
  return {
    scheduler: schedule.scheduler,
    min_epochs: schedule.min_epochs,
    max_epochs: schedule.max_epochs,
    reduction_factor: schedule.reduction_factor,
    iterations: schedule.iterations,
    brackets: schedule.brackets.map((bracket, b) => {
      const deciding = outcomes.summaries[b]!;
      const last = bracket.rungs[bracket.rungs.length - 1]!;
      const reachedLast = bracket.trials.filter((t) => outcomes.places.get(t)!.rung === bracket.rungs.length);
      return {
        iteration: bracket.iteration,
        bracket: bracket.bracket,
        rungs: [
          ...deciding.map((s, i) => ({
            epochs: s.epochs,
            keep: s.keep,
            // Only the trials that trained to this rung: not those stopped (or failed) before it.
            trials: s.trials
              .filter((t) => i === 0 || deciding[i - 1]!.trials.some((p) => p.trial === t.trial && p.outcome === "succeeded" && p.decision === "continue"))
              .map(({ trial, outcome, value, decision, forced }) => ({ trial, outcome, value, decision, forced })),
          })),
          {
            epochs: last.epochs,
            keep: null,
            trials: reachedLast.map((trial) => ({ trial, ...final.get(trial)!, decision: "final" as const, forced: false })),
          },
        ],
      };
    }),
  };
}
