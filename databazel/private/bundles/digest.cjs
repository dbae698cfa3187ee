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
var RUN_RECORD_FORMAT = 2;
var OUTCOMES = ["succeeded", "failed", "timed_out", "diverged"];
var outcome = literal(...OUTCOMES);
var fileDigest = object({ path: string, sha256: string, bytes: number });
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
  /**
   * "succeeded", or, in a search with max_failed_trials, "failed" (a non-zero exit or a broken
   * contract), "timed_out" or "diverged" (its search metric is NaN, infinite or missing). An
   * eval run whose model failed to train passes the train run's outcome on without running.
   */
  outcome,
  /** One line saying what went wrong; null when it succeeded. */
  error: nullable(string),
  /** The whole message the action would have failed with: cause, fix, last lines, command to rerun. */
  failure_message: nullable(string),
  /** The last lines the script printed, when it did not succeed; [] when it did. */
  log_tail: arrayOf(string)
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
    if (!flag.startsWith("--")) throw new UsageError(`unexpected argument ${JSON.stringify(flag)}`);
    const value = booleans.has(flag) ? "true" : argv[++i];
    if (value === void 0) throw new UsageError(`${flag} needs a value`);
    flags.set(flag, [...flags.get(flag) ?? [], value]);
  }
  return flags;
}
function one(flags, flag) {
  const values = flags.get(flag);
  if (!values || values.length !== 1) throw new UsageError(`expected exactly one ${flag}`);
  return values[0];
}
function all(flags, flag) {
  return flags.get(flag) ?? [];
}
var UsageError = class extends Error {
};

// tools/src/lib/main.ts
var ContractError = class extends Error {
};
function main(body) {
  body(process.argv.slice(2)).catch((err) => {
    if (err instanceof ContractError) {
      console.error(err.message);
    } else if (err instanceof FormatError) {
      console.error(`databazel: ${err.message}`);
    } else if (err instanceof UsageError) {
      console.error(`databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`);
    } else {
      console.error(`databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    process.exitCode = 1;
  });
}

// tools/src/lib/outputs.ts
var import_node_fs2 = require("node:fs");
var import_node_path = require("node:path");
function discard(path, isDirectory = false) {
  if (!isDirectory) {
    (0, import_node_fs2.rmSync)(path, { force: true, recursive: true });
    return;
  }
  (0, import_node_fs2.mkdirSync)(path, { recursive: true });
  for (const entry of (0, import_node_fs2.readdirSync)(path)) (0, import_node_fs2.rmSync)((0, import_node_path.join)(path, entry), { force: true, recursive: true });
}

// tools/src/shim/digest.ts
var import_node_crypto = require("node:crypto");
var import_node_fs3 = require("node:fs");
var import_node_path2 = require("node:path");
var CHUNK = 1 << 20;
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}
function fileDigest2(path) {
  const hash = (0, import_node_crypto.createHash)("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = (0, import_node_fs3.openSync)(path, "r");
  let bytes = 0;
  try {
    for (let n; (n = (0, import_node_fs3.readSync)(fd, buffer, 0, CHUNK, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}
function filesUnder(dir) {
  const out = [];
  for (const entry of (0, import_node_fs3.readdirSync)(dir, { withFileTypes: true })) {
    const path = (0, import_node_path2.join)(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}
function digest(path) {
  if (!(0, import_node_fs3.statSync)(path).isDirectory()) return { path, ...fileDigest2(path) };
  let bytes = 0;
  const listing = filesUnder(path).map((file) => {
    const d = digest(file);
    bytes += d.bytes;
    return `${d.sha256}  ${(0, import_node_path2.relative)(path, file)}
`;
  });
  return { path, sha256: sha256(listing.join("")), bytes };
}

// tools/src/bin/digest.ts
main(async (argv) => {
  const flags = parseFlags(argv);
  const output = one(flags, DIGEST_FLAGS.output);
  try {
    writeDataDigests(output, all(flags, DIGEST_FLAGS.file).map(digest));
  } catch (err) {
    discard(output);
    throw err;
  }
});
