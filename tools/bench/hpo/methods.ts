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
