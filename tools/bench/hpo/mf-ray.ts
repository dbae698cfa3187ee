// Runs the ray_asha baseline of the multi-fidelity benchmark: the workspace's ray_asha.py in the
// Ray venv (mf-ray-venv.ts), outside Bazel, every seed of a task in one Ray session. It writes
// mf_baseline.py's JSON, read back as the other baselines' are (mf-results.ts's baselineStudies).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { baselineStudies, type BaselineOutput } from "./mf-results.ts";
import type { MfTask } from "./tasks.ts";

/** A task's ray_asha studies, every seed, run by `python` (the Ray venv's) in the workspace `dir`; and the Ray that ran them. */
export async function rayAshaStudies(dir: string, python: string, task: MfTask, seeds: number[], budget: number): Promise<ReturnType<typeof baselineStudies> & { ray: string }> {
  const out = join(dir, `${task.key}_ray_asha.json`);
  const args = [join(dir, "ray_asha.py"), "--task", task.name, "--epochs_budget", String(budget), "--seeds", seeds.join(","), "--out", out, "--num_cpus", "2"];
  // Its progress lines on stderr, with the other baselines' (stdout is the tables').
  const run = execa(python, args, { cwd: dir, stdin: "ignore", reject: false, all: true, env: { PYTHONWARNINGS: "ignore::UserWarning" } });
  run.all?.pipe(process.stderr);
  const done = await run;
  if (done.exitCode !== 0) throw new Error(`ray_asha.py on ${task.id} failed (exit ${done.exitCode}): ${python} ${args.join(" ")}\n${done.all.trim().split("\n").slice(-20).join("\n")}`);
  const output = JSON.parse(readFileSync(out, "utf8")) as BaselineOutput;
  return { ...baselineStudies(output, task.id), ray: output.ray_version ?? "unknown" };
}
