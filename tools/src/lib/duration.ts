// Timeouts as the rules take them (`train_timeout = "30m"`): a positive whole number of
// seconds, minutes or hours. databazel/private/timeouts.bzl checks the same grammar at analysis.

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Milliseconds of a duration such as "90s", "30m" or "2h"; undefined when it is malformed. */
export function durationMs(text: string): number | undefined {
  const match = /^([1-9][0-9]*)([smh])$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
