// `databazel lineage` of a model databazel did not train (a `model_file`, or a rule that records
// no run): no run record says how it was made, so its lineage is the file, its digest, and the
// hyperparameters and seed its target declares.
import type { Target } from "../formats/providers.ts";
import type { FileDigest } from "../formats/run-record.ts";
import { digest } from "../shim/digest.ts";
import type { Style } from "./table.ts";
import { displayLabel, ensureOutputs, kindOf, type Workspace } from "./targets.ts";

export interface ImportedLineage {
  label: string;
  kind: "imported";
  hyperparams: Record<string, string>;
  seed: number | null;
  model: FileDigest;
}

/** A model target without a run record of its training: imported, not trained by databazel. */
export function isImported(target: Target): boolean {
  const records = target.output_groups.records ?? [];
  return kindOf(target) === "model" && !target.model!.run_record && records.length === 0;
}

export function importedLineageOf(ws: Workspace, target: Target): ImportedLineage {
  const model = target.model!;
  const [hostPath] = ensureOutputs(ws, target, [model.model]);
  return {
    label: displayLabel(target.label),
    kind: "imported",
    hyperparams: model.hyperparams,
    seed: model.seed,
    model: { ...digest(hostPath!), path: model.model },
  };
}

export function renderImportedLineage(l: ImportedLineage, style: Style): string {
  const hyperparams = Object.keys(l.hyperparams)
    .sort()
    .map((k) => `${k}=${l.hyperparams[k]}`)
    .join(" ");
  return [
    style.bold(`${l.label}: an imported model (databazel did not train it, so no run record says how it was made)`),
    `  model            ${l.model.path}`,
    `  sha256           ${l.model.sha256}`,
    `  hyperparameters  ${hyperparams || "(not declared)"}`,
    `  seed             ${l.seed === null ? "(not declared)" : String(l.seed)}`,
    "",
  ].join("\n");
}
