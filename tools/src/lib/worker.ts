// Bazel's persistent-worker protocol, in its JSON form, so that Node starts once per worker and
// not once per action. Bazel starts a helper as `node helper.cjs --persistent_worker` and sends
// it WorkRequests on stdin, one at a time (singleplex); the helper answers each with a
// WorkResponse on stdout. Anything a request prints becomes that response's output, so nothing
// but responses reaches stdout. Run any other way (remote execution, --strategy=X=local), the
// helper runs once with its arguments, reading the `@flagfile` Bazel passes them in.
import { readFileSync } from "node:fs";
import { JsonObjectStream } from "./json-stream.ts";

export const PERSISTENT_WORKER_FLAG = "--persistent_worker";

/** One WorkRequest, as Bazel writes it in JSON (proto3's mapping: camelCase, bytes in base64). */
interface WorkRequest {
  arguments?: string[];
  inputs?: { path?: string; digest?: string }[];
  requestId?: number;
  cancel?: boolean;
}

/** What a request carries besides its arguments: Bazel's digests of its inputs, by exec path. */
export interface Request {
  /** The digest (hex) Bazel computed for each input file, when Bazel sent them. */
  inputDigests: ReadonlyMap<string, string>;
  /**
   * Every input's exec path, as a WorkRequest lists them (tree artifacts file by file, runfiles
   * trees left out); undefined when the helper runs once, not as a persistent worker.
   */
  inputPaths?: readonly string[];
}

export type Handler = (argv: string[], request: Request) => Promise<void>;

/** How a run ended: 0 or 1, and what it printed. */
export interface Ended {
  exitCode: number;
  output: string;
}

/**
 * The arguments of a one-shot run: Bazel passes them all in one "multiline" params file (one
 * argument per line) as the only argument, `@path`. Only that form is expanded: a flag's value
 * may start with "@" (a label in another repository).
 */
export function expandFlagfile(argv: readonly string[]): string[] {
  const [only] = argv;
  if (argv.length !== 1 || only === undefined || !only.startsWith("@")) return [...argv];
  const text = readFileSync(only.slice(1), "utf8");
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

/**
 * A WorkRequest input's digest as hex. Bazel sends the digest's hex string as the bytes field
 * (so base64 of ASCII hex); raw digest bytes are accepted too.
 */
export function inputDigestHex(base64: string): string | undefined {
  const bytes = Buffer.from(base64, "base64");
  const ascii = bytes.toString("latin1");
  if (/^[0-9a-f]{64}$/.test(ascii)) return ascii;
  return bytes.length === 32 ? bytes.toString("hex") : undefined;
}

function digestsOf(request: WorkRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const input of request.inputs ?? []) {
    const hex = input.path !== undefined && input.digest !== undefined ? inputDigestHex(input.digest) : undefined;
    if (input.path !== undefined && hex !== undefined) out.set(input.path, hex);
  }
  return out;
}

/**
 * Serves WorkRequests until stdin closes. `run` turns one request into its exit code and
 * message; what the handler prints meanwhile is captured into the response too.
 */
export function serveWorkRequests(run: (argv: string[], request: Request) => Promise<Ended>): void {
  const respond = process.stdout.write.bind(process.stdout);
  let captured: string[] = [];
  // Typed loosely on purpose: it stands in for both streams' overloaded write().
  const capture = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((r): r is () => void => typeof r === "function");
    if (callback) process.nextTick(callback);
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;

  let queue = Promise.resolve();
  const requests = new JsonObjectStream();
  const handle = async (request: WorkRequest): Promise<void> => {
    // Singleplex workers get no cancellations (we do not declare supports-worker-cancellation).
    if (request.cancel) return;
    captured = [];
    const inputPaths = (request.inputs ?? []).flatMap((input) => (input.path === undefined ? [] : [input.path]));
    const ended = await run(request.arguments ?? [], { inputDigests: digestsOf(request), inputPaths });
    const output = captured.join("") + ended.output;
    captured = [];
    respond(JSON.stringify({ exitCode: ended.exitCode, output, requestId: request.requestId ?? 0 }) + "\n");
  };
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (text: string) => {
    for (const value of requests.push(text)) queue = queue.then(() => handle(value as WorkRequest));
  });
  // Bazel closes stdin to stop the worker; finish the request in flight first.
  process.stdin.on("end", () => void queue.then(() => process.exit(0)));
}
