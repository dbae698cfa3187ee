// Generated from tools/src/bin/digest.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/formats/action-flags.ts
var DIGEST_FLAGS = {
  output: "--output",
  file: "--file"
};

// tools/src/formats/digests.ts
var import_node_fs = require("node:fs");

// tools/src/lib/json.ts
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
function stableJson(value) {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}

// tools/src/formats/shape.ts
var FormatError = class extends Error {
};
var Mismatch = class extends Error {
  constructor(at, problem) {
    super(`${at || "the top level"} ${problem}`);
    this.at = at;
    this.problem = problem;
  }
  at;
  problem;
};
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
function primitive(expected, test) {
  return {
    expected,
    check(value, at) {
      if (!test(value)) throw new Mismatch(at, `is ${describe(value)}, expected ${expected}`);
      return value;
    }
  };
}
var string = primitive("a string", (v) => typeof v === "string");
var number = primitive("a number", (v) => typeof v === "number" && Number.isFinite(v));
var boolean = primitive("a boolean", (v) => typeof v === "boolean");
function literal(...values) {
  const expected = values.map((v) => JSON.stringify(v)).join(" or ");
  return primitive(expected, (v) => typeof v === "string" && values.includes(v));
}
function nullable(shape) {
  return {
    expected: `${shape.expected} or null`,
    check: (value, at) => value === null ? null : shape.check(value, at)
  };
}
function arrayOf(item) {
  return {
    expected: `an array of ${item.expected.replace(/^an? /, "")}s`,
    check(value, at) {
      if (!Array.isArray(value)) throw new Mismatch(at, `is ${describe(value)}, expected an array`);
      value.forEach((v, i) => item.check(v, `${at}[${i}]`));
      return value;
    }
  };
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function recordOf(item) {
  return {
    expected: `an object of ${item.expected.replace(/^an? /, "")}s`,
    check(value, at) {
      if (!isObject(value)) throw new Mismatch(at, `is ${describe(value)}, expected an object`);
      for (const [k, v] of Object.entries(value)) item.check(v, at ? `${at}.${k}` : k);
      return value;
    }
  };
}
function object(fields) {
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
      return value;
    }
  };
}

// tools/src/formats/versioned.ts
function formatVersion(version) {
  return {
    expected: String(version),
    check(value, at) {
      if (value !== version) throw new Mismatch(at, `is ${JSON.stringify(value)}, expected ${version}`);
      return version;
    }
  };
}

// tools/src/formats/run-record.ts
var RUN_RECORD_FORMAT = 3;
var OUTCOMES = ["succeeded", "failed", "timed_out", "diverged", "pruned"];
var outcome = literal(...OUTCOMES);
var fileDigest = object({ path: string, sha256: string, bytes: number });
var outcomeFields = {
  /**
   * "succeeded", or, in a search with max_failed_trials, "failed" (a non-zero exit or a broken
   * contract), "timed_out" or "diverged" (its search metric is NaN, infinite or missing); with a
   * scheduler, "pruned" for the segments of a stopped trial, which do not train. An eval
   * run whose model failed to train passes the train run's outcome on without running.
   */
  outcome,
  /** One line saying what went wrong; null when it succeeded. */
  error: nullable(string),
  /** The whole message the action would have failed with: cause, fix, last lines, command to rerun. */
  failure_message: nullable(string),
  /** The last lines the script printed, when it did not succeed; [] when it did. */
  log_tail: arrayOf(string)
};
var common = {
  format: formatVersion(RUN_RECORD_FORMAT),
  label: string,
  /** The trial (or segment) inside a search, or null. */
  trial: nullable(string),
  /** The exact command that ran the user's executable; rerunning it reproduces the run. */
  command: arrayOf(string),
  /** The script's exit code; null when a signal (or its timeout) ended it, or it did not run. */
  exit_code: nullable(number),
  duration_ms: number,
  ...outcomeFields
};
var trainRecord = object({
  ...common,
  kind: literal("train"),
  hyperparams: recordOf(string),
  seed: number,
  /** Set when the model trains in segments: the epochs this action trained. */
  epochs: nullable(object({ start: number, end: number })),
  inputs: object({ training_data: arrayOf(fileDigest), executable: fileDigest, init_checkpoint: nullable(fileDigest) }),
  outputs: object({ model: fileDigest })
});
var evalRecord = object({
  ...common,
  kind: literal("eval"),
  inputs: object({ model: fileDigest, test_data: arrayOf(fileDigest), executable: fileDigest }),
  outputs: object({ metrics: fileDigest })
});

// tools/src/formats/digests.ts
var DIGESTS_FORMAT = 1;
var dataDigests = object({ format: formatVersion(DIGESTS_FORMAT), files: arrayOf(fileDigest) });
function writeDataDigests(path, files) {
  (0, import_node_fs.writeFileSync)(path, stableJson({ format: DIGESTS_FORMAT, files }));
}

// tools/src/lib/flags.ts
function parseFlags(argv, booleans = /* @__PURE__ */ new Set()) {
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith("--")) throw new MalformedFlagsError(`unexpected argument ${JSON.stringify(flag)}`);
    const value = booleans.has(flag) ? "true" : argv[++i];
    if (value === void 0) throw new MalformedFlagsError(`${flag} needs a value`);
    flags.set(flag, [...flags.get(flag) ?? [], value]);
  }
  return flags;
}
function one(flags, flag) {
  const values = flags.get(flag);
  if (!values || values.length !== 1) throw new MalformedFlagsError(`expected exactly one ${flag}`);
  return values[0];
}
function all(flags, flag) {
  return flags.get(flag) ?? [];
}
var MalformedFlagsError = class extends Error {
};

// tools/src/lib/user-facing-error.ts
var UserFacingError = class extends Error {
};

// tools/src/lib/worker.ts
var import_node_fs2 = require("node:fs");

// tools/src/lib/json-stream.ts
var JsonObjectStream = class {
  text = "";
  scanned = 0;
  depth = 0;
  start = 0;
  inString = false;
  escaped = false;
  /** Adds text; returns the objects it completed. */
  push(chunk) {
    this.text += chunk;
    const out = [];
    for (let i = this.scanned; i < this.text.length; i++) {
      const c = this.text[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === "\\") this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
      else if (c === "{" && this.depth++ === 0) this.start = i;
      else if (c === "}" && --this.depth === 0) out.push(JSON.parse(this.text.slice(this.start, i + 1)));
    }
    if (this.depth === 0) {
      this.text = "";
      this.scanned = 0;
    } else {
      this.text = this.text.slice(this.start);
      this.scanned = this.text.length;
      this.start = 0;
    }
    return out;
  }
};

// tools/src/lib/worker.ts
var PERSISTENT_WORKER_FLAG = "--persistent_worker";
function expandFlagfile(argv) {
  const [only] = argv;
  if (argv.length !== 1 || only === void 0 || !only.startsWith("@")) return [...argv];
  const text = (0, import_node_fs2.readFileSync)(only.slice(1), "utf8");
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}
function inputDigestHex(base64) {
  const bytes = Buffer.from(base64, "base64");
  const ascii = bytes.toString("latin1");
  if (/^[0-9a-f]{64}$/.test(ascii)) return ascii;
  return bytes.length === 32 ? bytes.toString("hex") : void 0;
}
function digestsOf(request) {
  const out = /* @__PURE__ */ new Map();
  for (const input of request.inputs ?? []) {
    const hex = input.path !== void 0 && input.digest !== void 0 ? inputDigestHex(input.digest) : void 0;
    if (input.path !== void 0 && hex !== void 0) out.set(input.path, hex);
  }
  return out;
}
function serveWorkRequests(run) {
  const respond = process.stdout.write.bind(process.stdout);
  let captured = [];
  const capture = (chunk, ...rest) => {
    captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((r) => typeof r === "function");
    if (callback) process.nextTick(callback);
    return true;
  };
  process.stdout.write = capture;
  process.stderr.write = capture;
  let queue = Promise.resolve();
  const requests = new JsonObjectStream();
  const handle = async (request) => {
    if (request.cancel) return;
    captured = [];
    const inputPaths = (request.inputs ?? []).flatMap((input) => input.path === void 0 ? [] : [input.path]);
    const ended = await run(request.arguments ?? [], { inputDigests: digestsOf(request), inputPaths });
    const output = captured.join("") + ended.output;
    captured = [];
    respond(JSON.stringify({ exitCode: ended.exitCode, output, requestId: request.requestId ?? 0 }) + "\n");
  };
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (text) => {
    for (const value of requests.push(text)) queue = queue.then(() => handle(value));
  });
  process.stdin.on("end", () => void queue.then(() => process.exit(0)));
}

// tools/src/helper/main.ts
function failureMessage(err) {
  if (err instanceof UserFacingError) return err.message;
  if (err instanceof FormatError) return `databazel: ${err.message}`;
  if (err instanceof MalformedFlagsError) {
    return `databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`;
  }
  return `databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
}
async function runBody(body, ...call) {
  try {
    await body(...call);
    return { exitCode: 0, output: "" };
  } catch (err) {
    return { exitCode: 1, output: failureMessage(err) + "\n" };
  }
}
function main(body) {
  const argv = process.argv.slice(2);
  if (argv.includes(PERSISTENT_WORKER_FLAG)) {
    serveWorkRequests((args, request) => runBody(body, args, request));
    return;
  }
  void (async () => {
    const ended = await runBody(body, expandFlagfile(argv), { inputDigests: /* @__PURE__ */ new Map() });
    process.stderr.write(ended.output);
    process.exitCode = ended.exitCode;
  })();
}

// tools/src/lib/outputs.ts
var import_node_fs3 = require("node:fs");
var import_node_path = require("node:path");
function discard(path, isDirectory = false) {
  if (!isDirectory) {
    (0, import_node_fs3.rmSync)(path, { force: true, recursive: true });
    return;
  }
  (0, import_node_fs3.mkdirSync)(path, { recursive: true });
  for (const entry of (0, import_node_fs3.readdirSync)(path)) (0, import_node_fs3.rmSync)((0, import_node_path.join)(path, entry), { force: true, recursive: true });
}

// tools/src/shim/digest.ts
var import_node_crypto = require("node:crypto");
var import_node_fs4 = require("node:fs");
var import_node_path2 = require("node:path");
var CHUNK = 1 << 20;
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}
function fileDigest2(path) {
  const hash = (0, import_node_crypto.createHash)("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = (0, import_node_fs4.openSync)(path, "r");
  let bytes = 0;
  try {
    for (let n; (n = (0, import_node_fs4.readSync)(fd, buffer, 0, CHUNK, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    (0, import_node_fs4.closeSync)(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}
function filesUnder(dir) {
  const out = [];
  for (const entry of (0, import_node_fs4.readdirSync)(dir, { withFileTypes: true })) {
    const path = (0, import_node_path2.join)(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}
var NONE = /* @__PURE__ */ new Map();
function digest(path, known = NONE) {
  const stat = (0, import_node_fs4.statSync)(path);
  if (!stat.isDirectory()) {
    const sha2562 = known.get(path);
    return sha2562 ? { path, sha256: sha2562, bytes: stat.size } : { path, ...fileDigest2(path) };
  }
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file, known);
    bytes += d.bytes;
    return `${d.sha256}  ${(0, import_node_path2.relative)(path, file)}
`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}
var PROBE_MAX_BYTES = 1 << 16;
var bazelDigestsAreSha256;
function inputDigester(inputDigests) {
  if (inputDigests.size > 0 && bazelDigestsAreSha256 === void 0) {
    for (const [path, hex] of inputDigests) {
      const stat = (0, import_node_fs4.statSync)(path, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.size <= PROBE_MAX_BYTES) {
        bazelDigestsAreSha256 = fileDigest2(path).sha256 === hex;
        break;
      }
    }
  }
  const known = bazelDigestsAreSha256 ? inputDigests : NONE;
  return (path) => digest(path, known);
}

// tools/src/bin/digest.ts
main(async (argv, request) => {
  const flags = parseFlags(argv);
  const output = one(flags, DIGEST_FLAGS.output);
  try {
    writeDataDigests(output, all(flags, DIGEST_FLAGS.file).map(inputDigester(request.inputDigests)));
  } catch (err) {
    discard(output);
    throw err;
  }
});
