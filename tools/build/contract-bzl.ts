// Writes what databazel/private/contract.bzl must hold to the path given. Bazel bundles and
// runs this (tools/build/BUILD.bazel) to check the checked-in file and to update it.
import { writeFileSync } from "node:fs";
import { generateContractBzl } from "./gen-contract.ts";

const [out] = process.argv.slice(2);
if (!out) throw new Error("usage: contract-bzl OUT");
writeFileSync(out, generateContractBzl());
