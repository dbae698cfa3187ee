// Deterministic JSON: keys sorted, arrays of numbers kept on one line, two-space indent.
export type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

export function stableJson(value: Json, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + stableJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const inner = indent + "  ";
    const keys = Object.keys(value).sort();
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${stableJson(value[k]!, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
