// Routing work: trials carry their mnemonics, and tags and exec_properties meant for training
// (a GPU pool, no-remote) reach the training actions only. Read from `bazel aquery`.
// Not a `bazel test` target: an action's execution info is in no output, nor on the Action
// objects analysistest reads (Bazel 7 gives their mnemonic, argv, env, inputs and outputs), and
// the --config=remote checks compare two aquery runs of this workspace, which no test action can start.
import { describe, expect, it } from "vitest";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";

interface Aquery {
  actions: { mnemonic: string; targetId: number; executionInfo?: { key: string; value?: string }[] }[];
  targets: { id: number; label: string }[];
}

async function aquery(expression: string): Promise<{ mnemonic: string; label: string; info: Record<string, string> }[]> {
  const result = await bazel(["aquery", expression, "--output=jsonproto"]);
  const graph = JSON.parse(result.stdout) as Aquery;
  const labels = new Map(graph.targets.map((t) => [t.id, t.label]));
  return graph.actions.map((a) => ({
    mnemonic: a.mnemonic,
    label: labels.get(a.targetId) ?? "",
    info: Object.fromEntries((a.executionInfo ?? []).map((e) => [e.key, e.value ?? ""])),
  }));
}

describe("routing in the action graph", () => {
  it("a search's actions carry the DatabazelDigest, DatabazelTrain, DatabazelEval, DatabazelLeaderboard and DatabazelReport mnemonics", async () => {
    const actions = await aquery('mnemonic("Databazel.*", //tests/routing:routed_search)');
    const counts = actions.reduce<Record<string, number>>((c, a) => ({ ...c, [a.mnemonic]: (c[a.mnemonic] ?? 0) + 1 }), {});
    expect(counts).toEqual({ DatabazelDigest: 2, DatabazelTrain: 2, DatabazelEval: 2, DatabazelLeaderboard: 1, DatabazelReport: 1 });
  });

  it("train_tags and exec_properties under train. go on the training actions only", async () => {
    const actions = await aquery(
      'mnemonic("Databazel.*", deps(//tests/routing:routed_eval) + deps(//tests/routing:routed_search))',
    );
    const train = actions.filter((a) => a.mnemonic === "DatabazelTrain");
    const others = actions.filter((a) => a.mnemonic !== "DatabazelTrain");
    expect(train).toHaveLength(3);
    expect(others.length).toBeGreaterThan(0);
    for (const action of train) {
      expect(action.info).toMatchObject({ Pool: "gpu", "no-remote": "", "supports-path-mapping": "1" });
    }
    expect(train.find((a) => a.label === "//tests/routing:routed")?.info).toHaveProperty("resources:gpu:1");
    for (const action of others) {
      expect(Object.keys(action.info), `${action.mnemonic} of ${action.label}`).not.toContain("Pool");
      expect(Object.keys(action.info), `${action.mnemonic} of ${action.label}`).not.toContain("no-remote");
    }
  });
});

describe("--config=remote", () => {
  it("runs the actions with the same pinned Node as a local build, at the same path", async () => {
    const query = 'mnemonic("DatabazelTrain", //tests/rules:mlp)';
    const local = await bazel(["aquery", query, "--output=text"]);
    const remote = await bazel(["aquery", "--config=remote", query, "--output=text"]);
    expect(local.stdout).toMatch(/external\/[^ ]*databazel_node\/bin\/node/);
    // No host path: the Node comes from an external repository, the same in every clone.
    expect(local.stdout).not.toContain(repoRoot);
    expect(local.stdout).not.toContain(await bazelInfo("output_base"));
    // Inputs, outputs, command line, environment: all the same.
    expect(remote.stdout).toBe(local.stdout);
  });

  it("no action of a whole search names a path on this machine", async () => {
    const graph = (await bazel(["aquery", "deps(//mnist:bzl_search)", "--output=jsonproto"])).stdout;
    expect(graph).toContain("DatabazelTrain");
    expect(graph).not.toContain(repoRoot);
    expect(graph).not.toContain(await bazelInfo("output_base"));
  });
});
