// A wrong argument fails its own target, at analysis, and never the whole package at loading:
// the good targets beside it still build, and `//pkg:all` names each bad one with its message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const SEARCH_ARGS = `training_data = "data.csv", test_data = "data.csv", train_executable = ":train", eval_executable = ":eval"`;
const MODEL_ARGS = `training_data = "data.csv", train_executable = ":train"`;

/** Each broken target: its BUILD text, and the lines of the message it must fail with. */
const BROKEN: Record<string, { build: string; messages: string[] }> = {
  model_bool_hyperparam: {
    build: `model(name = "model_bool_hyperparam", ${MODEL_ARGS}, hyperparams = {"deep": True})`,
    messages: [
      'databazel: model(name = "model_bool_hyperparam"): hyperparams["deep"] = True is a bool; hyperparameter values are strings or numbers.',
      'Fix: write it as a string, e.g. "true" (the script converts it).',
    ],
  },
  model_hyperparams_list: {
    build: `model(name = "model_hyperparams_list", ${MODEL_ARGS}, hyperparams = ["lr=0.1"])`,
    messages: ['hyperparams must be a dict of name to value, got list (["lr=0.1"]).', "Fix: write it as a dict"],
  },
  model_train_cpus: {
    build: `model(name = "model_train_cpus", ${MODEL_ARGS}, train_cpus = 3)`,
    messages: ["train_cpus = 3 is not one of 1, 2, 4, 8, 16.", "Fix: set train_cpus to one of them"],
  },
  model_seed_string: {
    build: `model(name = "model_seed_string", ${MODEL_ARGS}, seed = "1")`,
    messages: ['seed = "1" is a string, but it must be a whole number.', "Fix: write it without quotes, e.g. seed = 1."],
  },
  eval_not_a_model: {
    build: `evaluate(name = "eval_not_a_model", model = "data.csv", test_data = "data.csv", eval_executable = ":eval")`,
    messages: ['model = "//:data.csv" is not a model', 'Fix: to evaluate a model file that databazel did not train, wrap it'],
  },
  search_no_seed: {
    build: `hyperparam_search(name = "search_no_seed", ${SEARCH_ARGS}, metric = "accuracy", space = {"lr": "uniform(0, 1)"})`,
    messages: ["random search needs a seed, so that the same BUILD file always gives the same trials.", "Fix: add seed = 1"],
  },
  search_no_metric: {
    build: `hyperparam_search(name = "search_no_metric", ${SEARCH_ARGS}, grid = {"lr": ["0.1"]})`,
    messages: ["metric is not named, so trials cannot be ranked.", 'Fix: set metric = "accuracy"'],
  },
  search_bool_hyperparam: {
    build: `hyperparam_search(name = "search_bool_hyperparam", ${SEARCH_ARGS}, metric = "accuracy", grid = {"lr": [0.1]}, hyperparams = {"deep": True})`,
    messages: [
      'databazel: hyperparam_search(name = "search_bool_hyperparam"): hyperparams["deep"] = True is a bool; hyperparameter values are strings or numbers.',
    ],
  },
  search_grid_not_list: {
    build: `hyperparam_search(name = "search_grid_not_list", ${SEARCH_ARGS}, metric = "accuracy", grid = {"lr": "0.1"})`,
    messages: ['grid["lr"] must be a list of values, got string (0.1).', "Fix: write it as a list"],
  },
  search_grid_not_dict: {
    build: `hyperparam_search(name = "search_grid_not_dict", ${SEARCH_ARGS}, metric = "accuracy", grid = ["0.1"])`,
    messages: ["grid must be a dict of name to list of values, got list."],
  },
  search_space_not_dict: {
    build: `hyperparam_search(name = "search_space_not_dict", ${SEARCH_ARGS}, metric = "accuracy", seed = 1, space = ["uniform(0, 1)"])`,
    messages: ["space must be a dict of name to distribution, got list."],
  },
  search_space_number: {
    build: `hyperparam_search(name = "search_space_number", ${SEARCH_ARGS}, metric = "accuracy", seed = 1, space = {"lr": 0.1})`,
    messages: ['space["lr"] = 0.1 is a float; a distribution is a string.'],
  },
  search_bad_space: {
    build: `hyperparam_search(name = "search_bad_space", ${SEARCH_ARGS}, metric = "accuracy", seed = 1, space = {"lr": "gauss(0, 1)"})`,
    messages: ['space["lr"] = "gauss(0, 1)" is malformed: unknown distribution "gauss"'],
  },
  search_unknown_sampler: {
    build: `hyperparam_search(name = "search_unknown_sampler", ${SEARCH_ARGS}, metric = "accuracy", seed = 1, space = {"lr": "uniform(0, 1)"}, sampler = "cmaes")`,
    messages: ['sampler = "cmaes" is not a sampler databazel knows (it knows: tpe, nsga2).', 'Fix: use sampler = "tpe"'],
  },
  search_n_trials_string: {
    build: `hyperparam_search(name = "search_n_trials_string", ${SEARCH_ARGS}, metric = "accuracy", seed = 1, space = {"lr": "uniform(0, 1)"}, n_trials = "5")`,
    messages: ['n_trials = "5" is a string, but it must be a whole number.'],
  },
  search_unknown_goal: {
    build: `hyperparam_search(name = "search_unknown_goal", ${SEARCH_ARGS}, metric = "accuracy", grid = {"lr": ["0.1"]}, goal = "max")`,
    messages: ['goal = "max" is not one of "maximize", "minimize".'],
  },
  search_unknown_scheduler: {
    build: `hyperparam_search(name = "search_unknown_scheduler", ${SEARCH_ARGS}, metric = "accuracy", grid = {"lr": ["0.1"]}, scheduler = "asha")`,
    messages: ['scheduler = "asha" is not one of "", "successive_halving", "hyperband".'],
  },
};

const GOOD = `model(name = "good", ${MODEL_ARGS})
evaluate(name = "good_eval", model = ":good", test_data = "data.csv", eval_executable = ":eval")
hyperparam_search(name = "good_search", ${SEARCH_ARGS}, metric = "accuracy", grid = {"lr": ["0.1"]})
`;

let ws = "";

beforeAll(() => {
  ws = scriptWorkspace({
    // One package: the test scripts, the good targets and every broken one.
    "BUILD.bazel": [
      scriptTargets(),
      GOOD,
      ...Object.values(BROKEN).map((b) => b.build),
      "",
    ].join("\n"),
  });
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

describe("one bad target beside good ones", () => {
  it("the good targets build", async () => {
    const result = await bazel(["build", "//:good", "//:good_eval", "//:good_search"], { cwd: ws, allowFailure: true });
    expect(result.exitCode, result.all).toBe(0);
  });

  it("//:all names each bad target with its message, and nothing breaks the package", async () => {
    const result = await bazel(["build", "--keep_going", "//:all"], { cwd: ws, allowFailure: true });
    const output = result.all ?? "";
    expect(result.exitCode, output).not.toBe(0);
    expect(output).not.toContain("error loading package");
    // Bazel reports each target's analysis error in its own ERROR block, which names the target.
    const blocks = output.split(/^ERROR: /m);
    for (const [name, { messages }] of Object.entries(BROKEN)) {
      const block = blocks.find((b) => b.includes(` //:${name}:`) && b.includes("databazel: "));
      expect(block, `no error for //:${name} in:\n${output}`).toBeDefined();
      for (const message of messages) expect(block, name).toContain(message);
    }
  });
});
