// The metrics contract: a JSON object whose leaves are numbers; objects and arrays may nest.
import { parseJsonOrProblem } from "./json.ts";

/**
 * Returns a description of the first leaf that is not a finite number (with `nonFinite`, not a
 * number at all: NaN and the infinities pass), or undefined.
 */
export function firstNonNumericLeaf(value: unknown, path = "metrics", nonFinite = false): string | undefined {
  if (typeof value === "number") return nonFinite || Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = firstNonNumericLeaf(item, `${path}[${i}]`, nonFinite);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const bad = firstNonNumericLeaf(item, `${path}.${key}`, nonFinite);
      if (bad) return bad;
    }
    return undefined;
  }
  return `${path} is ${JSON.stringify(value)} (${value === null ? "null" : typeof value})`;
}

/** Checks parsed metrics text; returns the problem, or undefined when it meets the contract. */
export function metricsProblem(text: string): string | undefined {
  const json = parseJsonOrProblem(text);
  if ("problem" in json) return json.problem;
  const parsed = json.value;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return "is not a JSON object";
  }
  const bad = firstNonNumericLeaf(parsed);
  return bad ? `has a leaf that is not a number: ${bad}` : undefined;
}

/**
 * Reads a metric by name: a key as written first (a flat `"val.acc"`), then as a dotted path
 * into nested objects ("val" then "acc"), longest key first; undefined when absent or not a number.
 */
export function metricAt(metrics: unknown, name: string): number | undefined {
  if (metrics === null || typeof metrics !== "object") return undefined;
  const node = metrics as Record<string, unknown>;
  if (Object.hasOwn(node, name) && typeof node[name] === "number") return node[name];
  for (let dot = name.lastIndexOf("."); dot > 0; dot = name.lastIndexOf(".", dot - 1)) {
    const head = name.slice(0, dot);
    if (!Object.hasOwn(node, head)) continue;
    const value = metricAt(node[head], name.slice(dot + 1));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The dotted names of the scalar leaves of metrics; arrays are left out. */
function scalarNames(metrics: unknown, prefix = ""): string[] {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return [];
  return Object.entries(metrics).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === "number" ? [name] : scalarNames(value, name);
  });
}

/**
 * Flattens the scalar leaves of metrics into dotted names; arrays are left out. Each name's
 * value is what `metricAt` reads for it, so a name listed here is one a search can rank by.
 */
export function scalarMetrics(metrics: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of scalarNames(metrics)) out[name] ??= metricAt(metrics, name)!;
  return out;
}
