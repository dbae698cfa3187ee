// The frame every helper binary (../bin/) runs in: a failure prints one clear message and exits
// 1. Helpers that Bazel runs once per trial also serve as persistent workers (../lib/worker.ts):
// the same body then runs once per WorkRequest, and the message goes into the WorkResponse.
import { FormatError } from "../formats/shape.ts";
import { MalformedFlagsError } from "../lib/flags.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { expandFlagfile, PERSISTENT_WORKER_FLAG, serveWorkRequests, type Ended, type Handler } from "../lib/worker.ts";

function failureMessage(err: unknown): string {
  if (err instanceof UserFacingError) return err.message;
  if (err instanceof FormatError) return `databazel: ${err.message}`;
  if (err instanceof MalformedFlagsError) {
    return `databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`;
  }
  return `databazel: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}

async function runBody(body: Handler, ...call: Parameters<Handler>): Promise<Ended> {
  try {
    await body(...call);
    return { exitCode: 0, output: "" };
  } catch (err) {
    return { exitCode: 1, output: failureMessage(err) + "\n" };
  }
}

export function main(body: Handler): void {
  const argv = process.argv.slice(2);
  if (argv.includes(PERSISTENT_WORKER_FLAG)) {
    serveWorkRequests((args, request) => runBody(body, args, request));
    return;
  }
  void (async () => {
    const ended = await runBody(body, expandFlagfile(argv), { inputDigests: new Map() });
    process.stderr.write(ended.output);
    process.exitCode = ended.exitCode;
  })();
}
