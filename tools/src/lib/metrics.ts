// The metrics contract: a JSON object whose leaves are numbers; objects and arrays may nest.

/** Returns a description of the first leaf that is not a finite number, or undefined. */
export function firstNonNumericLeaf(value: unknown, path = "metrics"): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = firstNonNumericLeaf(item, `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const bad = firstNonNumericLeaf(item, `${path}.${key}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return `${path} is ${JSON.stringify(value)} (${value === null ? "null" : typeof value})`;
}

/** Checks parsed metrics text; returns the problem, or undefined when it meets the contract. */
export function metricsProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `is not valid JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return "is not a JSON object";
  }
  const bad = firstNonNumericLeaf(parsed);
  return bad ? `has a leaf that is not a number: ${bad}` : undefined;
}

/** Reads a dotted path ("a.b.c") from metrics; undefined when absent or not a number. */
export function metricAt(metrics: unknown, path: string): number | undefined {
  let node: unknown = metrics;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "number" ? node : undefined;
}

/** Flattens the scalar leaves of metrics into dotted names; arrays are left out. */
export function scalarMetrics(metrics: unknown, prefix = ""): Record<string, number> {
  const out: Record<string, number> = {};
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return out;
  for (const [key, value] of Object.entries(metrics)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "number") out[name] = value;
    else Object.assign(out, scalarMetrics(value, name));
  }
  return out;
}
