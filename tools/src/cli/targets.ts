// What a label is: its databazel providers (shapes in tools/src/formats/providers.ts), from `bazel cquery` with databazel/private/cli/targets.cquery.bzl,
// and the outputs the CLI reads, brought up to date by `bazel build` before it reads them.
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
  /**
   * Whether to build what a command reads before reading it (the default), so that nothing it
   * prints is stale; false with --no-build, which reads what the last build left.
   */
  build: boolean;
  /** The targets (and output groups) already built by this command: each is built once. */
  built: Set<string>;
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

/** The one target a label names, found by a cquery of the label. */
export function queryOneTarget(ws: Workspace, label: string): Target {
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
 * Brings `paths` (exec-root relative outputs of `target`) up to date: builds them first (unless
 * --no-build), then checks they exist. Returns their absolute paths.
 */
export function ensureOutputs(ws: Workspace, target: Target, paths: string[]): string[] {
  return ensureAllOutputs(ws, [{ target, paths }])[0]!;
}

/**
 * The output groups to build for `paths` of `target`: for each path the smallest group that
 * holds it ("default" for the target's default outputs); undefined when a path is in none of
 * the groups the CLI knows (then the target's default outputs and every known group are built,
 * whose actions make it).
 */
export function groupsFor(target: Target, paths: string[]): string[] | undefined {
  const groups: [string, string[]][] = [["default", target.files], ...Object.entries(target.output_groups)];
  const chosen = new Set<string>();
  for (const path of paths) {
    const holding = groups.filter(([, files]) => files.includes(path)).sort(([, a], [, b]) => a.length - b.length);
    if (holding.length === 0) return undefined;
    chosen.add(holding[0]![0]);
  }
  return [...chosen].sort();
}

/** Labels as a message lists them: all of up to three, else how many and the first three. */
function listed(labels: string[]): string {
  return labels.length <= 3 ? labels.join(", ") : `${labels.length} targets (${labels.slice(0, 3).join(", ")}, ...)`;
}

/**
 * ensureOutputs for several targets, in one `bazel build` of exactly the output groups that hold
 * what they read (Bazel makes that a no-op when nothing changed, in well under a second), so
 * that the CLI never reads an output older than the sources. With --no-build it reads what is
 * there, and fails when something is missing. Returns each target's absolute paths, in order.
 */
export function ensureAllOutputs(ws: Workspace, wanted: { target: Target; paths: string[] }[]): string[][] {
  const missing = (paths: string[]): string[] => paths.filter((p) => !existsSync(hostPath(ws, p)));
  const labels = [...new Set(wanted.map((w) => displayLabel(w.target.label)))];
  const what = listed(labels);
  if (!ws.build) {
    const absent = wanted.flatMap((w) => missing(w.paths));
    if (absent.length > 0) {
      throw new CliError(
        `--no-build, but ${what} ${labels.length === 1 ? "has" : "have"} not been built: ` +
          `${absent.length === 1 ? "an output" : `${absent.length} outputs`} it reads ${absent.length === 1 ? "is" : "are"} missing:\n  ${absent.slice(0, 5).join("\n  ")}${absent.length > 5 ? "\n  ..." : ""}\n` +
          `Fix: leave out --no-build, and the CLI builds ${labels.length === 1 ? "it" : "them"} first.`,
      );
    }
    return wanted.map((w) => w.paths.map((p) => hostPath(ws, p)));
  }
  // One request per target: its groups, or (when a path is in no known group) everything it has.
  const requests = wanted.map((w) => {
    const groups = groupsFor(w.target, w.paths) ?? ["default", ...OUTPUT_GROUPS.filter((g) => g in w.target.output_groups)];
    return { label: w.target.label, keys: groups.map((g) => `${w.target.label} ${g}`), groups };
  });
  const todo = requests.filter((r) => r.keys.some((k) => !ws.built.has(k)));
  if (todo.length > 0) {
    const names = [...new Set(todo.map((r) => r.label))].map(displayLabel);
    ws.log(`databazel: building ${listed(names)} to bring ${names.length === 1 ? "it" : "them"} up to date (--no-build skips this) ...`);
    ws.bazel.build(names, [...new Set(todo.flatMap((r) => r.groups))].sort());
    for (const r of todo) for (const k of r.keys) ws.built.add(k);
  }
  const after = wanted.flatMap((w) => missing(w.paths));
  if (after.length > 0) {
    throw new CliError(`${what} ${labels.length === 1 ? "was" : "were"} built, but these outputs are still missing:\n  ${after.join("\n  ")}`);
  }
  return wanted.map((w) => w.paths.map((p) => hostPath(ws, p)));
}
