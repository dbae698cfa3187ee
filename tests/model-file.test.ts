// A model databazel did not train (checked in, or downloaded): `model_file` makes it a model
// target, so `evaluate` scores it, and `databazel lineage` says it is imported.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { databazel } from "./harness/cli.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

let ws = "";

beforeAll(() => {
  ws = scriptWorkspace({
    "pretrained.bin": "weights\n",
    "BUILD.bazel": `${scriptTargets()}load("@databazel//databazel:defs.bzl", "model_file")

model_file(
    name = "pretrained",
    src = "pretrained.bin",
    hyperparams = {"depth": "3"},
    seed = 7,
)

evaluate(
    name = "scored",
    model = ":pretrained",
    test_data = "data.csv",
    eval_executable = ":eval",
)
`,
  });
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

describe("model_file", () => {
  it("evaluate scores a checked-in model file", async () => {
    const result = await bazel(["build", "//:scored"], { cwd: ws });
    expect(result.exitCode, result.all).toBe(0);
    const metrics = JSON.parse(readFileSync(join(ws, "bazel-bin", "scored.metrics.json"), "utf8")) as Record<string, unknown>;
    expect(typeof metrics.accuracy).toBe("number");
    // Nothing trained it.
    expect(existsSync(join(ws, "bazel-bin", "pretrained.train.json"))).toBe(false);
  });

  it("databazel lineage says it is imported, with its digest and declared hyperparameters", async () => {
    const text = await databazel(["lineage", "//:pretrained"], ws);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toContain("//:pretrained: an imported model (databazel did not train it, so no run record says how it was made)");
    expect(text.stdout).toMatch(/hyperparameters {2}depth=3\n/);

    const json = await databazel(["lineage", "//:pretrained", "--json"], ws);
    expect(json.exitCode, json.stderr).toBe(0);
    const sha256 = createHash("sha256").update("weights\n").digest("hex");
    expect(JSON.parse(json.stdout)).toEqual({
      label: "//:pretrained",
      kind: "imported",
      hyperparams: { depth: "3" },
      seed: 7,
      model: { path: "pretrained.bin", sha256, bytes: 8 },
    });
  });
});
