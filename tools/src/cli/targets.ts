// What a label is: its databazel providers (shapes in tools/src/formats/providers.ts), from `bazel cquery` with databazel/private/cli/targets.cquery.bzl,
// and the outputs the CLI reads, built first when they are missing.
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { OUTPUT_GROUPS, parseTargetLine, type Target } from "../formats/providers.ts";
import type { Bazel } from "./bazel.ts";
import { CliError, UsageError } from "./errors.ts";

export type Kind = "search" | "evaluate" | "model";

/** Whether a label is a target pattern that can name several targets (`:all`, `...`, `:*`). */
export function isPattern(label: string): boolean {
  return /(^|\/)\.\.\.(:.*)?$|:(all|\*|all-targets)$/.test(label);
}

/** What the rules make: a search also provides ModelInfo (its best model), so it is a search first. */
export function kindOf(target: Target): Kind | undefined {
  if (target.search) return "search";
  if (target.metrics) return "evaluate";
  if (target.model) return "model";
  return undefined;
}

const KIND_NAMES: Record<Kind, string> = {
  search: "a hyperparam_search target (SearchInfo)",
  evaluate: "an evaluate target (MetricsInfo)",
  model: "a model target (ModelInfo)",
};

export function kindName(kind: Kind): string {
  return KIND_NAMES[kind];
}

/** `@@//pkg:name` (how Bazel prints labels of the main repository) as `//pkg:name`. */
export function displayLabel(label: string): string {
  return label.replace(/^@@?\/\//, "//");
}

/** The CLI's view of Bazel: the runner and the format file for cquery. */
export interface Workspace {
  bazel: Bazel;
  formatFile: string;
  /** Build even when the outputs exist. */
  alwaysBuild: boolean;
  /** Where the CLI says what it does (stderr). */
  log: (line: string) => void;
}

/** The configured targets of a cquery expression, one per label (the one with databazel providers first). */
export function queryTargets(ws: Workspace, expression: string): Target[] {
  const byLabel = new Map<string, Target>();
  for (const target of ws.bazel.cquery(expression, ws.formatFile).map((line) => parseTargetLine(line, ws.formatFile))) {
    const seen = byLabel.get(target.label);
    if (!seen || (kindOf(seen) === undefined && kindOf(target) !== undefined)) byLabel.set(target.label, target);
  }
  return [...byLabel.values()];
}

/** The one target a label names. */
export function describe(ws: Workspace, label: string): Target {
  const targets = queryTargets(ws, label);
  const [target] = targets;
  if (!target) throw new CliError(`${label} names no target.`);
  if (targets.length > 1) {
    const names = targets.map((t) => displayLabel(t.label));
    throw new UsageError(`${label} names ${targets.length} targets (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}); give one label.`);
  }
  return target;
}

/** What a target is, for messages: "a model target (ModelInfo)", or Bazel's rule kind. */
export function whatIs(ws: Workspace, target: Target): string {
  const kind = kindOf(target);
  if (kind) return kindName(kind);
  const ruleKind = ws.bazel.labelKind(target.label);
  const provides = "it provides none of ModelInfo, SearchInfo and MetricsInfo";
  return `${ruleKind ? `a ${ruleKind}` : "a target"}, not a databazel target (${provides})`;
}

/** Fails with a usage error unless the target is one of `accepted`; returns its kind. */
export function requireKind<K extends Kind>(
  ws: Workspace,
  target: Target,
  command: string,
  accepted: readonly K[],
  hint: (kind: Kind) => string = () => "",
): K {
  const kind = kindOf(target);
  if (kind !== undefined && (accepted as readonly Kind[]).includes(kind)) return kind as K;
  const advice = kind === undefined ? "" : hint(kind);
  const expected = accepted.map(kindName);
  const list = expected.length === 1 ? expected[0]! : `${expected.slice(0, -1).join(", ")} or ${expected.at(-1)!}`;
  throw new UsageError(
    `${displayLabel(target.label)} is ${whatIs(ws, target)}; \`databazel ${command}\` expects ${list}.${advice ? `\n${advice}` : ""}`,
  );
}

/** The absolute path of an exec-root relative path. */
export function hostPath(ws: Workspace, path: string): string {
  return isAbsolute(path) ? path : join(ws.bazel.executionRoot(), path);
}

/**
 * Makes sure `paths` (exec-root relative) exist: builds the target, with its records and report
 * output groups, when one is missing (or always, with --build). Returns their absolute paths.
 */
export function ensureOutputs(ws: Workspace, target: Target, paths: string[]): string[] {
  return ensureAllOutputs(ws, [{ target, paths }])[0]!;
}

/**
 * ensureOutputs for several targets, in one `bazel build` of those with a missing output (of
 * all of them, with --build). Returns each target's absolute paths, in order.
 */
export function ensureAllOutputs(ws: Workspace, wanted: { target: Target; paths: string[] }[]): string[][] {
  const missing = (paths: string[]): string[] => paths.filter((p) => !existsSync(hostPath(ws, p)));
  const before = wanted.map((w) => missing(w.paths));
  const build = wanted.filter((w, i) => ws.alwaysBuild || before[i]!.length > 0);
  if (build.length > 0) {
    const labels = build.map((w) => displayLabel(w.target.label));
    const count = before.reduce((n, m) => n + m.length, 0);
    const what = labels.length <= 3 ? labels.join(", ") : `${labels.length} targets (${labels.slice(0, 3).join(", ")}, ...)`;
    ws.log(
      ws.alwaysBuild
        ? `databazel: building ${what} ...`
        : `databazel: building ${what}: ${count} of the outputs ${labels.length === 1 ? "it needs" : "they need"} ${count === 1 ? "is" : "are"} missing ...`,
    );
    ws.bazel.build(
      build.map((w) => w.target.label),
      [...OUTPUT_GROUPS],
    );
    const after = wanted.flatMap((w) => missing(w.paths));
    if (after.length > 0) {
      throw new CliError(`${what} ${labels.length === 1 ? "was" : "were"} built, but these outputs are still missing:\n  ${after.join("\n  ")}`);
    }
  }
  return wanted.map((w) => w.paths.map((p) => hostPath(ws, p)));
}
