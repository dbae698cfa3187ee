// Bazel flags that pick how databazel's helpers run, for the tests that compare the two ways.

/** The helpers that serve as persistent workers by default. */
export const WORKER_MNEMONICS = ["DatabazelTrain", "DatabazelEval", "DatabazelDigest"];

/** Runs those helpers as plain sandboxed spawns, as before they were workers. */
export const PLAIN_SPAWNS = WORKER_MNEMONICS.map((m) => `--strategy=${m}=sandboxed`);
