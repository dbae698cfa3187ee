// What a trial that did not succeed leaves in place of its model, inside a search with
// max_failed_trials: Bazel needs every declared output, and the run record says why it is empty.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunOutcome } from "../formats/outcome.ts";

/** Stands in for the model of a trial that has none; the eval shim never scores it. */
export function writePlaceholderModel(path: string, isDirectory: boolean, outcome: RunOutcome): void {
  const text = `databazel: no model: this trial ${outcome.outcome.replace("_", " ")} (${outcome.error}).\n`;
  if (!isDirectory) {
    writeFileSync(path, text);
    return;
  }
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "NO_MODEL"), text);
}
