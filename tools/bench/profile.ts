// Reads phase durations from a Bazel JSON trace profile (--profile=*.json.gz).
// The profile marks each phase with an instant event; a phase lasts until the next marker.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

interface TraceEvent {
  cat?: string;
  name?: string;
  ts?: number;
}

const ANALYSIS = "Load and analyze dependencies";

/** The profile's phase markers, in order. */
function phaseMarkers(profilePath: string): { name: string; ts: number }[] {
  const profile = JSON.parse(gunzipSync(readFileSync(profilePath)).toString("utf8")) as {
    traceEvents: TraceEvent[];
  };
  return profile.traceEvents
    .flatMap((e) => (e.cat === "build phase marker" && typeof e.ts === "number" ? [{ name: e.name ?? "", ts: e.ts }] : []))
    .sort((x, y) => x.ts - y.ts);
}

/** Seconds from the first marker whose name `matches` to the next phase marker. */
export function phaseSeconds(profilePath: string, matches: (name: string) => boolean, what: string): number {
  const markers = phaseMarkers(profilePath);
  const i = markers.findIndex((e) => matches(e.name));
  const next = markers[i + 1];
  if (i < 0 || !next) {
    throw new Error(`${profilePath}: no ${what} phase followed by another phase (markers: ${markers.map((m) => m.name).join(", ")})`);
  }
  return (next.ts - markers[i]!.ts) / 1e6;
}

/** Seconds from the "Load and analyze dependencies" marker to the next phase marker. */
export function analysisPhaseSeconds(profilePath: string): number {
  return phaseSeconds(profilePath, (name) => name === ANALYSIS, `"${ANALYSIS}"`);
}
