// The methods compared: databazel's searches (targets of studies.bzl's tabular_studies, one per
// method) and Optuna's samplers in its own loop (optuna_baseline.py), with the same budget.

/** databazel's methods: the suffix of studies.bzl's METHODS, prefixed with "databazel_". */
export const DATABAZEL_METHODS = ["databazel_random", "databazel_tpe_b1", "databazel_tpe_b4"];
/** Optuna's samplers, with their defaults: "optuna_" and optuna_baseline.py's --samplers value. */
export const OPTUNA_METHODS = ["optuna_random", "optuna_tpe"];
export const ALL_METHODS = [...DATABAZEL_METHODS, ...OPTUNA_METHODS];

/** The target of a databazel method's study on a task and seed (studies.bzl). */
export const studyTarget = (taskKey: string, method: string, seed: number): string => `${taskKey}_${method.replace(/^databazel_/, "")}_s${seed}`;

/** optuna_baseline.py's name of an Optuna method's sampler. */
export const optunaSampler = (method: string): string => method.replace(/^optuna_/, "");

/** On the multi-fidelity tasks: databazel's schedulers (studies.bzl's mf_studies: `mf_<task>_<sh|hyperband>_s<seed>`). */
export const MF_DATABAZEL_METHODS = ["databazel_sh", "databazel_hyperband"];
/** The in-process baselines of mf_baseline.py, by its --methods names. */
export const MF_BASELINE_METHODS = ["optuna_hyperband", "dehb"];
/** Ray Tune's ASHA (ray_asha.py), in a venv of its own (mf-ray-venv.ts); not deterministic. */
export const MF_RAY_METHOD = "ray_asha";
export const MF_METHODS = [...MF_DATABAZEL_METHODS, ...MF_BASELINE_METHODS, MF_RAY_METHOD];
/**
 * What a multi-fidelity run compares unless --methods says otherwise: all but ray_asha, which
 * installs 162 MB of wheels on first use and makes results.json differ from run to run.
 */
export const MF_DEFAULT_METHODS = [...MF_DATABAZEL_METHODS, ...MF_BASELINE_METHODS];

/** The target of a databazel scheduler's study on a multi-fidelity task and seed (studies.bzl's mf_studies). */
export const mfStudyTarget = (taskKey: string, method: string, seed: number): string => `${taskKey}_${method.replace(/^databazel_/, "")}_s${seed}`;

/** On the multi-objective tasks: databazel's methods (studies.bzl's MO_METHODS, `mo_<task>_<second>_<method>_s<seed>`), with their batch sizes. */
export const MO_DATABAZEL_BATCHES: Record<string, number> = {
  databazel_random: 0,
  databazel_tpe_b4: 4,
  databazel_nsga2_b4: 4,
  databazel_nsga2_b8: 8,
  databazel_nsga2_b1: 1,
};
export const MO_DATABAZEL_METHODS = Object.keys(MO_DATABAZEL_BATCHES);
/** Optuna's samplers on two objectives (mo_baseline.py's --samplers): MOTPE, NSGA-II with a population of 4 and of 50 (its default). */
export const MO_OPTUNA_METHODS = ["optuna_tpe", "optuna_nsga2", "optuna_nsga2_p50"];
export const MO_METHODS = [...MO_DATABAZEL_METHODS, ...MO_OPTUNA_METHODS];
/** Run unless --methods names them: NSGA-II with batches of 1 is 200 sampler actions one after another per study. */
export const MO_DEFAULT_METHODS = MO_METHODS.filter((m) => m !== "databazel_nsga2_b1");

/** The target of a databazel method's study on a multi-objective task and seed (studies.bzl's mo_studies). */
export const moStudyTarget = (taskKey: string, method: string, seed: number): string => `${taskKey}_${method.replace(/^databazel_/, "")}_s${seed}`;
