// What a check of a run finds wrong: the shims' checks return it, and the contract run turns it
// into the failure message or, when failures are recorded, into the trial's outcome.
import type { Outcome } from "../formats/run-record.ts";

export interface Problem {
  cause: string;
  fix?: string;
  /** What the problem makes of a trial when failures are recorded; "failed" when unset. */
  outcome?: Outcome;
}
