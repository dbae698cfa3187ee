// JSON as Python's json.dump writes it for a diverged model: bare NaN, Infinity and -Infinity
// where numbers go. JSON itself has no such values, so only the eval shim reads them, and only
// inside a search with max_failed_trials, where a non-finite search metric makes the trial
// "diverged" instead of breaking the metrics contract.

const MARK = "\u0000databazel-nonfinite:";

/** Parses JSON that may hold bare NaN, Infinity and -Infinity (outside strings) as numbers. */
export function parseJsonAllowingNonFinite(text: string): unknown {
  // Strings are matched whole, so a "NaN" inside one stays text.
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|(-?)(NaN|Infinity)\b/g, (match, sign: string | undefined, word: string | undefined) =>
    word ? JSON.stringify(MARK + (sign ?? "") + word) : match,
  );
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(MARK) ? Number(value.slice(MARK.length)) : value,
  );
}
