// The data formats of tools/src/formats: their readers' messages (valid, missing field, other
// format version), and static checks (no Bazel) that the Starlark side agrees with them:
// providers.bzl, the CLI's cquery formatter and providers.ts list the same fields, and the
// rules take every shared name from the generated contract.bzl.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { EVAL_FLAGS, TRAIN_FLAGS } from "../tools/src/contract.ts";
import { LEADERBOARD_FLAGS, REPORT_FLAGS, SHIM_FLAGS } from "../tools/src/formats/action-flags.ts";
import { readLeaderboardManifest } from "../tools/src/formats/leaderboard-manifest.ts";
import { FILE_SUFFIXES } from "../tools/src/formats/files.ts";
import { parseBest, readLeaderboard, writeLeaderboard, type LeaderboardJson } from "../tools/src/formats/leaderboard.ts";
import { metricsFields, modelFields, OUTPUT_GROUPS, parseTargetLine, searchFields, searchTrialFields, target } from "../tools/src/formats/providers.ts";
import { readReportManifest } from "../tools/src/formats/report-manifest.ts";
import { readRunRecord, type TrainRecord } from "../tools/src/formats/run-record.ts";
import { fieldNames, FormatError } from "../tools/src/formats/shape.ts";
import { repoRoot } from "./harness/bazel.ts";

const dir = mkdtempSync(join(tmpdir(), "databazel-formats-"));
let n = 0;
/** Writes `value` as JSON to a fresh file and returns its path. */
function file(value: unknown, name = "x.json"): string {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

/** The FormatError `read` throws. */
function failure(read: () => unknown): string {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return (err as Error).message;
  }
  throw new Error("expected a FormatError");
}

const digest = { path: "tests/rules/train.csv", sha256: "ab".repeat(32), bytes: 12 };
const trainRecord: TrainRecord = {
  format: 3,
  kind: "train",
  label: "//x:m",
  trial: null,
  command: ["train.sh", "--seed", "1"],
  exit_code: 0,
  duration_ms: 12,
  outcome: "succeeded",
  error: null,
  failure_message: null,
  log_tail: [],
  hyperparams: { lr: "0.1" },
  seed: 1,
  epochs: null,
  inputs: { training_data: [digest], executable: digest, init_checkpoint: null },
  outputs: { model: digest },
};
const board: LeaderboardJson = {
  format: 4,
  label: "//x:search",
  metric: "accuracy",
  goal: "maximize",
  objectives: [{ name: "accuracy", goal: "maximize" }],
  constraints: [],
  select: null,
  best: "lr_0.1",
  front: ["lr_0.1"],
  trials: [
    { rank: 1, trial: "lr_0.1", hyperparams: { lr: "0.1" }, seed: 0, outcome: "succeeded", error: null, value: 0.9, metrics: { accuracy: 0.9 }, model: "x/lr_0.1/model", bracket: null, iteration: null, rung: null, epochs: null, pareto_rank: 1, crowding: null, violation: 0 },
    { rank: 2, trial: "lr_9", hyperparams: { lr: "9" }, seed: 0, outcome: "diverged", error: "the eval executable wrote accuracy = NaN: the model diverged.", value: null, metrics: {}, model: "x/lr_9/model", bracket: null, iteration: null, rung: null, epochs: null, pareto_rank: null, crowding: null, violation: null },
  ],
  schedule: null,
};
const without = <T extends object>(value: T, key: keyof T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) as Partial<T>;

describe("leaderboard reader", () => {
  it("reads a valid leaderboard", () => {
    expect(readLeaderboard(file(board), "//x:search")).toEqual(board);
  });

  it("names the file, the missing field and the fix", () => {
    const path = file(without(board, "best"));
    expect(failure(() => readLeaderboard(path, "//x:search"))).toBe(
      `${path} is not a valid leaderboard: best is missing (expected a string).\nFix: rebuild it (bazel build //x:search).`,
    );
  });

  it("names a nested field of the wrong type", () => {
    const path = file({ ...board, trials: [{ ...board.trials[0], value: "high" }] });
    expect(failure(() => readLeaderboard(path))).toContain("trials[0].value is a string, expected a number");
  });

  it("says a leaderboard without a format field is from an older databazel", () => {
    const path = file(without(board, "format"));
    expect(failure(() => readLeaderboard(path, "//x:search"))).toBe(
      `${path} is a leaderboard in format 0 (written by an older databazel); this databazel reads format 4.\n` +
        "Fix: rebuild it (bazel build //x:search).",
    );
  });

  it("says a leaderboard in format 1 (before trial outcomes) is from an older databazel", () => {
    const message = failure(() => readLeaderboard(file({ ...board, format: 1 }), "//x:search"));
    expect(message).toContain("in format 1 (written by an older databazel); this databazel reads format 4.");
    expect(message).toContain("Fix: rebuild it (bazel build //x:search).");
  });

  it("says a leaderboard in a later format is from a newer databazel", () => {
    const message = failure(() => readLeaderboard(file({ ...board, format: 5 })));
    expect(message).toContain("in format 5 (written by a newer databazel); this databazel reads format 4.");
    expect(message).toContain("Fix: update databazel to a version that reads format 5, or rebuild it with bazel build.");
  });

  it("names a trial outcome it does not know", () => {
    const path = file({ ...board, trials: [{ ...board.trials[1], outcome: "crashed" }] });
    expect(failure(() => readLeaderboard(path))).toContain(
      'trials[0].outcome is a string, expected "succeeded" or "failed" or "timed_out" or "diverged"',
    );
  });

  it("reports a file that is not JSON, or not there", () => {
    expect(failure(() => readLeaderboard(file("{"), "//x:search"))).toMatch(/^cannot read the leaderboard .*: it is not valid JSON \(.*\)\.\nFix: rebuild it \(bazel build \/\/x:search\)\.$/);
    expect(failure(() => readLeaderboard(join(dir, "missing.json")))).toMatch(/^cannot read the leaderboard .*missing\.json: .*\nFix: /);
  });

  it("writes format 4 and sorted keys, as stableJson does", () => {
    const path = join(dir, "written.leaderboard.json");
    writeLeaderboard(path, board);
    const text = readFileSync(path, "utf8");
    expect(text.split("\n").slice(0, 3)).toEqual(["{", '  "best": "lr_0.1",', '  "constraints": [],']);
    expect(readLeaderboard(path)).toEqual(board);
  });

  it("checks best.json too", () => {
    const best = {
      format: 4, trial: "lr_0.1", hyperparams: { lr: "0.1" }, seed: 0, metric: "accuracy", goal: "maximize", value: 0.9, model: "m",
      objectives: [{ name: "accuracy", goal: "maximize" }], select: null, values: { accuracy: 0.9 },
      front: [{ trial: "lr_0.1", hyperparams: { lr: "0.1" }, seed: 0, values: { accuracy: 0.9 }, model: "m" }],
    };
    expect(parseBest(best, "x.best.json")).toEqual(best);
    expect(() => parseBest({ ...best, goal: "up" }, "x.best.json")).toThrow(/goal is a string, expected "maximize" or "minimize"/);
  });
});

describe("run record reader", () => {
  it("reads train and eval records", () => {
    expect(readRunRecord(file(trainRecord))).toEqual(trainRecord);
    const evalRecord = {
      ...without(trainRecord, "hyperparams"),
      kind: "eval",
      inputs: { model: digest, test_data: [digest], executable: digest },
      outputs: { metrics: digest },
    };
    expect(readRunRecord(file(evalRecord)).kind).toBe("eval");
  });

  it("names the missing field", () => {
    const path = file({ ...trainRecord, inputs: without(trainRecord.inputs, "executable") });
    expect(failure(() => readRunRecord(path, "//x:m"))).toBe(
      `${path} is not a valid run record: inputs.executable is missing (expected an object).\nFix: rebuild it (bazel build //x:m).`,
    );
  });

  it("says a record from before format 1 (databazel_run_record) is from an older databazel", () => {
    const old = { ...without(trainRecord, "format"), databazel_run_record: 1 };
    expect(failure(() => readRunRecord(file(old), "//x:m"))).toMatch(
      /is a run record in format 0 \(written by an older databazel\); this databazel reads format 3\.\nFix: rebuild it \(bazel build \/\/x:m\)\.$/,
    );
  });

  it("names an unknown kind", () => {
    expect(failure(() => readRunRecord(file({ ...trainRecord, kind: "test" })))).toContain('kind is a string, expected "train" or "eval"');
  });
});

describe("manifest readers", () => {
  it("reads a leaderboard manifest, and calls a broken one a databazel bug", () => {
    const manifest = {
      label: "//x:search",
      metric: "accuracy",
      goal: "maximize",
      objectives: [{ name: "accuracy", goal: "maximize" }],
      constraints: [{ metric: "latency_ms", op: "<=", bound: 20 }],
      select: null,
      max_failed_trials: 0,
      trials: [
        { name: "a", hyperparams: {}, hyperparams_file: null, seed: 0, model: "bazel-out/m", model_short_path: "x/m", metrics: "bazel-out/a.json", record: "bazel-out/a.eval.json" },
      ],
      schedule: null,
    };
    expect(readLeaderboardManifest(file(manifest))).toEqual(manifest);
    const message = failure(() => readLeaderboardManifest(file({ ...manifest, trials: [{ name: "a" }] })));
    expect(message).toContain("is not a valid leaderboard manifest: trials[0].hyperparams is missing");
    expect(message).toContain("report a databazel bug");
  });

  it("reads each kind of report manifest by its kind", () => {
    const evaluate = { kind: "evaluate", label: "//x:e", model_label: "//x:m", metrics: "m.json" };
    expect(readReportManifest(file(evaluate))).toEqual(evaluate);
    expect(failure(() => readReportManifest(file(without(evaluate, "metrics"))))).toContain(
      "is not a valid evaluate report manifest: metrics is missing",
    );
    expect(failure(() => readReportManifest(file({ kind: "table" })))).toContain('kind is a string, expected "search" or "model" or "evaluate"');
  });
});

describe("cquery target reader", () => {
  const line = {
    label: "@@//x:m",
    files: ["bazel-out/x/m.model"],
    metrics: null,
    search: null,
    output_groups: { records: ["bazel-out/x/m.train.json"] },
    model: {
      model: "bazel-out/x/m.model",
      hyperparams: {},
      hyperparams_file: "h.json",
      seed: 0,
      label: "@@//x:m",
      data: [],
      lineage: [],
      run_record: null,
      learning_curve: null,
    },
  };

  it("reads a line of the formatter's output", () => {
    expect(parseTargetLine(JSON.stringify(line), "targets.cquery.bzl")).toEqual(line);
  });

  it("names what is wrong and the fix", () => {
    const message = failure(() => parseTargetLine(JSON.stringify({ ...line, model: without(line.model, "lineage") }), "targets.cquery.bzl"));
    expect(message).toContain("model.lineage is missing (expected an array of strings)");
    expect(message).toContain("Fix: use the databazel CLI and targets.cquery.bzl from the same databazel release");
    expect(failure(() => parseTargetLine("INFO: something", "targets.cquery.bzl"))).toContain("printed a line that is not JSON");
  });
});

const read = (rel: string): string => readFileSync(join(repoRoot, rel), "utf8");

/** Skips a Starlark string literal starting at `i`; returns the index after it. */
function skipString(text: string, i: number): number {
  const quote = text.startsWith('"""', i) ? '"""' : text[i]!;
  for (let j = i + quote.length; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text.startsWith(quote, j)) return j + quote.length;
  }
  return text.length;
}

/** The keys of the dict literal that opens at the first `{` after `marker` (searched from `from`), at its top level only. */
function dictKeys(text: string, marker: string, from = 0): string[] {
  const at = text.indexOf(marker, from);
  expect(at, `${marker} not found`).toBeGreaterThanOrEqual(0);
  const keys: string[] = [];
  let depth = 0;
  for (let i = text.indexOf("{", at); i < text.length; ) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = skipString(text, i);
      if (depth === 1 && /^\s*:/.test(text.slice(end))) keys.push(text.slice(i + 1, end - 1));
      i = end;
      continue;
    }
    if (c === "{" || c === "[" || c === "(") depth++;
    if (c === "}" || c === "]" || c === ")") depth--;
    if (depth === 0) break;
    i++;
  }
  return keys.sort();
}

/** The body of a Starlark function, up to the next top-level definition. */
function functionBody(text: string, name: string): string {
  const start = text.indexOf(`def ${name}(`);
  expect(start, `def ${name} not found`).toBeGreaterThanOrEqual(0);
  const next = text.slice(start + 1).search(/\n(def |[A-Za-z_]+ = )/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

describe("providers.bzl, targets.cquery.bzl and formats/providers.ts agree", () => {
  const providers = read("databazel/providers.bzl");
  const formatter = read("databazel/private/cli/targets.cquery.bzl");
  const cases = [
    { provider: "ModelInfo", init: "_model_info_init", fn: "_model", shape: modelFields },
    { provider: "SearchInfo", init: "_search_info_init", fn: "_search", shape: searchFields },
    { provider: "MetricsInfo", init: "_metrics_info_init", fn: "_metrics", shape: metricsFields },
  ];

  for (const { provider, init, fn, shape } of cases) {
    it(provider, () => {
      const fields = dictKeys(providers, "fields = {", providers.indexOf(`${provider}, _new_`));
      expect(fields.length, `${provider} has no fields dict`).toBeGreaterThan(0);
      expect(dictKeys(functionBody(providers, init), "return {"), `providers.bzl ${init}() returns`).toEqual(fields);
      const body = functionBody(formatter, fn);
      expect(dictKeys(body, "return {"), `targets.cquery.bzl ${fn}() prints`).toEqual(fields);
      // Each printed key reads the provider field of the same name.
      const read = [...new Set([...body.matchAll(/\binfo\.(\w+)/g)].map((m) => m[1]!))].sort();
      expect(read, `targets.cquery.bzl ${fn}() reads`).toEqual(fields);
      expect(fieldNames(shape), `tools/src/formats/providers.ts ${provider}`).toEqual(fields);
    });
  }

  it("SearchInfo.trials", () => {
    const doc = /"trials": "list of structs \(([^)]*)\)/.exec(providers)?.[1];
    const documented = (doc ?? "").split(",").map((s) => s.trim()).sort();
    const built = /return struct\(([\s\S]*?)\n\s*\)\n/.exec(functionBody(providers, "search_trial"))?.[1] ?? "";
    const builtFields = [...built.matchAll(/^\s*(\w+) = /gm)].map((m) => m[1]!).sort();
    const printed = dictKeys(functionBody(formatter, "_search"), '"trials": [');
    expect(builtFields, "providers.bzl search_trial() builds").toEqual(documented);
    expect(printed, "targets.cquery.bzl prints").toEqual(documented);
    expect(fieldNames(searchTrialFields), "providers.ts searchTrialFields").toEqual(documented);
  });

  it("the target line and its output groups", () => {
    expect(dictKeys(functionBody(formatter, "format"), "json.encode(")).toEqual(fieldNames(target));
    const groups = /for name in \(([^)]*)\)/.exec(formatter)?.[1] ?? "";
    expect(groups.split(",").map((s) => s.trim().replace(/"/g, "")).filter((s) => s)).toEqual([...OUTPUT_GROUPS]);
  });
});

function bzlFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return bzlFiles(path);
    return name.endsWith(".bzl") ? [path] : [];
  });
}

/** The string literals of a Starlark file, docstrings and comments left out. */
function stringLiterals(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "#") {
      i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    } else if (c === '"' || c === "'") {
      const end = skipString(text, i);
      if (!text.startsWith('"""', i)) out.push(text.slice(i + 1, end - 1));
      i = end;
    } else {
      i++;
    }
  }
  return out;
}

describe("the rules take every shared name from contract.bzl", () => {
  const flags = [TRAIN_FLAGS, EVAL_FLAGS, SHIM_FLAGS, LEADERBOARD_FLAGS, REPORT_FLAGS].flatMap((o) => Object.values(o) as string[]);
  const suffixes = Object.values(FILE_SUFFIXES) as string[];
  const files = bzlFiles(join(repoRoot, "databazel")).filter((f) => !f.endsWith("contract.bzl"));

  it("no .bzl file spells a flag or an output suffix itself", () => {
    const found = files.flatMap((path) =>
      stringLiterals(readFileSync(path, "utf8"))
        .filter((s) => flags.includes(s) || s.includes("--shim_") || suffixes.some((suffix) => s.endsWith(suffix)))
        .map((s) => `${relative(repoRoot, path)}: "${s}"`),
    );
    expect(found, "use TRAIN_FLAGS, EVAL_FLAGS, SHIM_FLAGS, LEADERBOARD_FLAGS, REPORT_FLAGS or FILE_SUFFIXES from //databazel/private:contract.bzl").toEqual([]);
  });

  it("the check finds a literal when there is one", () => {
    expect(stringLiterals('x = prefix + ".train.json"  # ".eval.json"\n"""doc ".best.json" """')).toEqual([".train.json"]);
  });
});
