// Renamed attributes keep working under their old names, with a warning that says the new one.
// (Setting both names is an analysis error, pinned in tests/analysis.)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

let ws = "";

beforeAll(() => {
  ws = scriptWorkspace({
    "BUILD.bazel": `${scriptTargets()}
model(name = "m", training_data = "data.csv", train_executable = ":train", model = "old_name.bin")

evaluate(name = "e", model = ":m", test_data = "data.csv", eval_executable = ":eval", metrics = "old_name.json")

hyperparam_search(
    name = "s",
    training_data = "data.csv",
    test_data = "data.csv",
    train_executable = ":train",
    eval_executable = ":eval",
    metric = "accuracy",
    grid = {"lr": ["0.1"]},
    model = "%{name}/%{trial}/old_model.bin",
    metrics = "%{name}/%{trial}/old_metrics.json",
)
`,
  });
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

describe("renamed attributes", () => {
  it("model(model = ...) and evaluate(metrics = ...) still work, and say their new name", async () => {
    const result = await bazel(["build", "//:m", "//:e"], { cwd: ws });
    expect(result.all).toContain('databazel: model //:m: model = "old_name.bin" is deprecated: the attribute is now called out.');
    expect(result.all).toContain('Fix: write out = "old_name.bin".');
    expect(result.all).toContain('databazel: evaluate //:e: metrics = "old_name.json" is deprecated: the attribute is now called out.');
    expect(existsSync(join(ws, "bazel-bin", "old_name.bin"))).toBe(true);
    expect(existsSync(join(ws, "bazel-bin", "old_name.json"))).toBe(true);
  });

  it("hyperparam_search(model = ..., metrics = ...) still work, and say their new names", async () => {
    const result = await bazel(["build", "//:s"], { cwd: ws });
    expect(result.all).toContain(
      'databazel: hyperparam_search //:s: model = "%{name}/%{trial}/old_model.bin" is deprecated: the attribute is now called model_out.',
    );
    expect(result.all).toContain('Fix: write model_out = "%{name}/%{trial}/old_model.bin".');
    expect(result.all).toContain(
      'databazel: hyperparam_search //:s: metrics = "%{name}/%{trial}/old_metrics.json" is deprecated: the attribute is now called metrics_out.',
    );
    expect(existsSync(join(ws, "bazel-bin", "s", "lr_0.1", "old_model.bin"))).toBe(true);
    expect(existsSync(join(ws, "bazel-bin", "s", "lr_0.1", "old_metrics.json"))).toBe(true);
  });

});
