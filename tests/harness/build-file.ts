// BUILD file text for the tests' consumer workspaces: one writer of hyperparam_search targets,
// so that each test states only the attributes it is about.

/** A Starlark value: a string, a number, a bool, or a list or dict of them. */
export type Starlark = string | number | boolean | Starlark[] | { [key: string]: Starlark };

/** `value` as Starlark: strings quoted, numbers as they are, True and False, lists and dicts of them. */
export function starlark(value: Starlark): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `[${value.map(starlark).join(", ")}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${starlark(v)}`)
    .join(", ")}}`;
}

/** A target's attributes; an undefined one is left out (to drop a default). */
export type SearchAttrs = Record<string, Starlark | undefined>;

/** A hyperparam_search target, its attributes in the order given. */
export function hyperparamSearch(attrs: SearchAttrs): string {
  const lines = Object.entries(attrs)
    .filter((entry): entry is [string, Starlark] => entry[1] !== undefined)
    .map(([key, value]) => `    ${key} = ${starlark(value)},\n`);
  return `\nhyperparam_search(\n${lines.join("")})\n`;
}

/**
 * A search "search" of the script workspace's :train and :eval (harness/workspace.ts,
 * scriptTargets) on data.csv, ranked by accuracy; `attrs` add the space (grid, space, hyperparams)
 * and anything else, and may override the name and the executables.
 */
export function scriptSearch(attrs: SearchAttrs): string {
  const { name = "search", train_executable = ":train", eval_executable = ":eval", ...rest } = attrs;
  return hyperparamSearch({
    name,
    training_data: "data.csv",
    test_data: "data.csv",
    train_executable,
    eval_executable,
    metric: "accuracy",
    ...rest,
  });
}
