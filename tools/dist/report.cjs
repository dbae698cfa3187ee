// Generated from tools/src/bin/report.ts by `npm run build:tools`. Do not edit.
"use strict";

// tools/src/bin/report.ts
var import_node_fs = require("node:fs");

// tools/src/shim/cli.ts
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
var UsageError = class extends Error {
};

// tools/src/shim/main.ts
var ContractError = class extends Error {
};
function main(body) {
  body(process.argv.slice(2)).catch((err) => {
    if (err instanceof ContractError) {
      console.error(err.message);
    } else if (err instanceof UsageError) {
      console.error(`databazel: internal error: a helper was called wrongly (${err.message}). Please report it.`);
    } else {
      console.error(`databazel: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    process.exitCode = 1;
  });
}

// tools/src/bin/report.ts
main(async (argv) => {
  const flags = parseFlags(argv);
  const manifest = JSON.parse((0, import_node_fs.readFileSync)(one(flags, "--manifest"), "utf8"));
  (0, import_node_fs.writeFileSync)(one(flags, "--output"), `<!doctype html><title>${manifest.label}</title><pre>${manifest.kind}</pre>
`);
});
