// Writes what databazel/private/contract.bzl must hold to the path given: the entry point of
// its one generator, a Bazel action (tools/build/BUILD.bazel; `npm run build:tools` copies it).
import { writeFileSync } from "node:fs";
import { generateContractBzl } from "./gen-contract.ts";

const [out] = process.argv.slice(2);
if (!out) throw new Error("usage: contract-bzl OUT");
writeFileSync(out, generateContractBzl());
