// The CLI's cquery formatter (databazel/private/cli/targets.cquery.bzl) on the real targets of
// //tests/rules, read back with formats/providers.ts. Not a `bazel test` target: the formatter
// runs inside `bazel cquery` (its `providers()` exists only there), which a test action cannot
// call on this workspace. What the fixtures wrote is checked by //tests/rules:outputs_test.
import { beforeAll, expect, it } from "vitest";
import { parseTargetLine, type Target } from "../tools/src/formats/providers.ts";
import { bazel } from "./harness/bazel.ts";

const formatFile = "databazel/private/cli/targets.cquery.bzl";
let targets: Map<string, Target>;

beforeAll(async () => {
  const labels = ["mlp", "mlp_eval", "search"].map((name) => `//tests/rules:${name}`);
  const result = await bazel(["cquery", "--output=starlark", `--starlark:file=${formatFile}`, "--", labels.join(" + ")]);
  // A label may also be configured under a transition (an `-ST-` output directory) when the
  // server analysed it that way for another command; a build uses the top-level one.
  const lines = result.stdout.split("\n").filter((l) => l.startsWith("{"));
  const parsed = lines.map((line) => parseTargetLine(line, formatFile)).filter((t) => !t.files.some((f) => f.includes("-ST-")));
  targets = new Map(parsed.map((t) => [t.label.replace(/^@@?/, ""), t]));
});

it("the cquery formatter prints each provider as providers.ts reads it", () => {
  expect([...targets.keys()].sort()).toEqual(["//tests/rules:mlp", "//tests/rules:mlp_eval", "//tests/rules:search"]);
  expect(targets.get("//tests/rules:mlp")!.model!.run_record).toMatch(/tests\/rules\/mlp\.train\.json$/);
  expect(targets.get("//tests/rules:mlp_eval")!.metrics!.run_record).toMatch(/mlp_eval\.eval\.json$/);
  expect(targets.get("//tests/rules:search")!.search!.trials).toHaveLength(4);
});

it("the providers name the files //tests/rules:outputs_test reads with the formats' readers", () => {
  const search = targets.get("//tests/rules:search")!.search!;
  expect(search.leaderboard_json).toMatch(/tests\/rules\/search\.leaderboard\.json$/);
  expect(search.best).toMatch(/tests\/rules\/search\.best\.json$/);
  for (const trial of search.trials) {
    expect(trial.run_record).toMatch(new RegExp(`tests/rules/search/${trial.name}/run\\.eval\\.json$`));
  }
});
