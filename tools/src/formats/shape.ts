// Shapes: each data format is declared once as a shape, which both checks parsed JSON and gives
// the TypeScript type (ShapeOf). A mismatch names where in the value it is and what is wrong.
import { readFileSync } from "node:fs";

/** A data file databazel reads that is not what its format says; the message says cause and fix. */
export class FormatError extends Error {}

/** Where a value failed its shape: a path such as `trials[2].seed`, and what is wrong there. */
export class Mismatch extends Error {
  constructor(
    readonly at: string,
    readonly problem: string,
  ) {
    super(`${at || "the top level"} ${problem}`);
  }
}

export interface Shape<T> {
  /** Returns `value` typed when it has this shape; throws a Mismatch naming `at` otherwise. */
  check(value: unknown, at: string): T;
  /** What the shape expects, in words: "a string", "an object", ... */
  expected: string;
}

export type ShapeOf<S> = S extends Shape<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function primitive<T>(expected: string, test: (value: unknown) => boolean): Shape<T> {
  return {
    expected,
    check(value, at) {
      if (!test(value)) throw new Mismatch(at, `is ${describe(value)}, expected ${expected}`);
      return value as T;
    },
  };
}

export const string: Shape<string> = primitive("a string", (v) => typeof v === "string");
export const number: Shape<number> = primitive("a number", (v) => typeof v === "number" && Number.isFinite(v));
export const boolean: Shape<boolean> = primitive("a boolean", (v) => typeof v === "boolean");

/** One of the given strings. */
export function literal<const L extends string>(...values: L[]): Shape<L> {
  const expected = values.map((v) => JSON.stringify(v)).join(" or ");
  return primitive(expected, (v) => typeof v === "string" && (values as string[]).includes(v));
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return {
    expected: `${shape.expected} or null`,
    check: (value, at) => (value === null ? null : shape.check(value, at)),
  };
}

export function arrayOf<T>(item: Shape<T>): Shape<T[]> {
  return {
    expected: `an array of ${item.expected.replace(/^an? /, "")}s`,
    check(value, at) {
      if (!Array.isArray(value)) throw new Mismatch(at, `is ${describe(value)}, expected an array`);
      value.forEach((v, i) => item.check(v, `${at}[${i}]`));
      return value as T[];
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A JSON object with string keys whose values all have `item`'s shape. */
export function recordOf<T>(item: Shape<T>): Shape<Record<string, T>> {
  return {
    expected: `an object of ${item.expected.replace(/^an? /, "")}s`,
    check(value, at) {
      if (!isObject(value)) throw new Mismatch(at, `is ${describe(value)}, expected an object`);
      for (const [k, v] of Object.entries(value)) item.check(v, at ? `${at}.${k}` : k);
      return value as Record<string, T>;
    },
  };
}

export type Fields = Record<string, Shape<unknown>>;
export type ObjectOf<F extends Fields> = { [K in keyof F]: ShapeOf<F[K]> };

/** An object shape that also lists its field names (generated into Starlark, compared in tests). */
export interface ObjectShape<F extends Fields> extends Shape<ObjectOf<F>> {
  fields: F;
}

/** A JSON object with (at least) these fields; every field is required, use nullable() for absent values. */
export function object<F extends Fields>(fields: F): ObjectShape<F> {
  return {
    fields,
    expected: "an object",
    check(value, at) {
      if (!isObject(value)) throw new Mismatch(at, `is ${describe(value)}, expected an object`);
      for (const [key, shape] of Object.entries(fields)) {
        const where = at ? `${at}.${key}` : key;
        if (!(key in value)) throw new Mismatch(where, `is missing (expected ${shape.expected})`);
        shape.check(value[key], where);
      }
      return value as ObjectOf<F>;
    },
  };
}

/** The field names of an object shape, sorted as Starlark's json.encode and stableJson write them. */
export function fieldNames(shape: ObjectShape<Fields>): string[] {
  return Object.keys(shape.fields).sort();
}

/** Reads and parses a JSON file; an unreadable or unparsable file is a FormatError saying `fix`. */
export function readJsonFile(path: string, what: string, fix: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new FormatError(`cannot read ${what} ${path}: ${(err as Error).message}.\nFix: ${fix}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new FormatError(`cannot read ${what} ${path}: it is not valid JSON (${(err as Error).message}).\nFix: ${fix}`);
  }
}

/** Reads a JSON file and checks it against a shape; either failure is a FormatError saying `fix`. */
export function readShapedFile<T>(shape: Shape<T>, path: string, what: string, fix: string): T {
  return checkFile(shape, readJsonFile(path, what, fix), path, what, fix);
}

/** Checks a parsed value against a shape; a mismatch becomes a FormatError naming the file and the fix. */
export function checkFile<T>(shape: Shape<T>, value: unknown, file: string, what: string, fix: string): T {
  try {
    return shape.check(value, "");
  } catch (err) {
    if (!(err instanceof Mismatch)) throw err;
    throw new FormatError(`${file} is not a valid ${what}: ${err.message}.\nFix: ${fix}`);
  }
}
