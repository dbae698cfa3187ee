// Reads the analysis phase's duration from a Bazel JSON trace profile (--profile=*.json.gz).
// The profile marks each phase with an instant event; a phase lasts until the next marker.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

interface TraceEvent {
  cat?: string;
  name?: string;
  ts?: number;
}

const ANALYSIS = "Load and analyze dependencies";

/** Seconds from the "Load and analyze dependencies" marker to the next phase marker. */
export function analysisPhaseSeconds(profilePath: string): number {
  const profile = JSON.parse(gunzipSync(readFileSync(profilePath)).toString("utf8")) as {
    traceEvents: TraceEvent[];
  };
  const markers = profile.traceEvents
    .filter((e) => e.cat === "build phase marker" && typeof e.ts === "number")
    .sort((x, y) => x.ts! - y.ts!);
  const i = markers.findIndex((e) => e.name === ANALYSIS);
  const next = markers[i + 1];
  if (i < 0 || !next) throw new Error(`${profilePath}: no "${ANALYSIS}" phase followed by another phase`);
  return (next.ts! - markers[i]!.ts!) / 1e6;
}
