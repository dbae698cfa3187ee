// Learning curves: each training segment's per-epoch metrics (output_dir/curve.json, written
// by the script) appended to the curve of the segments before it.
import { existsSync, readFileSync } from "node:fs";
import { parseJsonOrProblem } from "./json.ts";
import { firstNonNumericLeaf } from "./metrics.ts";

export type Curve = Record<string, number>[];

/** Parses a curve; returns it, or a description of what is wrong with it. */
export function parseCurve(text: string): Curve | string {
  const json = parseJsonOrProblem(text);
  if ("problem" in json) return json.problem;
  const parsed = json.value;
  if (!Array.isArray(parsed)) return "is not a JSON array";
  for (const [i, point] of parsed.entries()) {
    if (point === null || typeof point !== "object" || Array.isArray(point)) return `has an entry ${i} that is not an object`;
    const bad = firstNonNumericLeaf(point, `curve[${i}]`);
    if (bad) return `has a value that is not a number: ${bad}`;
  }
  return parsed as Curve;
}

/**
 * The finite numbers of each point of a curve that a script may still be writing, as a watch
 * reads it while it grows (no check: a half-written file is simply read again later); undefined
 * when it is not a JSON array. Throws when the text is not JSON.
 */
export function curveNumbers(text: string): Curve | undefined {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return undefined;
  return parsed.map((point) =>
    Object.fromEntries(
      Object.entries(point !== null && typeof point === "object" ? point : {}).filter(
        (e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]),
      ),
    ),
  );
}

/** The curve a previous segment left (an empty one when this is the first segment). */
export function readPreviousCurve(path: string | undefined): Curve {
  if (!path) return [];
  const curve = parseCurve(readFileSync(path, "utf8"));
  if (typeof curve === "string") throw new Error(`${path} ${curve}`);
  return curve;
}

/** This segment's curve, if the script wrote one, or the problem with it. */
export function readSegmentCurve(path: string): Curve | string {
  return existsSync(path) ? parseCurve(readFileSync(path, "utf8")) : [];
}
