// Installs Ray Tune for the multi-fidelity benchmark's ray_asha method into a venv of its own
// (node_modules/.cache/databazel/ray-venv), from the fixture's hash-locked ray_requirements_lock.txt,
// on first use; not into the workspace's lock, which every run and the suite's small test fetch
// (ray[tune] is 162 MB of wheels). As tools/bench/peers/venv.ts does for Snakemake and DVC, a
// method that cannot install is skipped with the reason and the fix, not a failed benchmark.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { repoRoot } from "../../build/paths.ts";

export const RAY_LOCK = join(repoRoot, "tools", "bench", "fixtures", "hpo", "ray_requirements_lock.txt");
export const RAY_VENV = join(repoRoot, "node_modules", ".cache", "databazel", "ray-venv");
/** Written into the venv after a complete install: the lock's sha256, so that a changed lock installs again. */
const STAMP = "databazel-lock.sha256";

/** A lock's Python (its "# python: X.Y" line) and its pins, name to version. */
export function parseRayLock(text: string): { python: string; pins: Map<string, string> } {
  const python = /^# python: (\d+\.\d+)\s*$/m.exec(text)?.[1];
  if (!python) throw new Error(`${RAY_LOCK}: no "# python: X.Y" line, which names the interpreter its wheels are for`);
  const pins = new Map<string, string>();
  for (const [, name, version] of text.matchAll(/^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)/gm)) pins.set(name!.toLowerCase(), version!);
  return { python, pins };
}

export type RayInstall = { ready: true; python: string; ray: string } | { ready: false; reason: string };

const lastLines = (text: string, n = 15) => text.trim().split("\n").slice(-n).join("\n");

/** The venv's Ray version if it is complete for this lock (its stamp), else undefined. */
async function readyVersion(venvDir: string, python: string, lockHash: string): Promise<string | undefined> {
  const stamp = join(venvDir, STAMP);
  if (!existsSync(python) || !existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== lockHash) return undefined;
  const probe = await execa(python, ["-c", "import ray, benchmark_apis; print(ray.__version__)"], { reject: false, stdin: "ignore", all: true });
  return probe.exitCode === 0 ? probe.stdout.trim() : undefined;
}

/**
 * The venv's Python and Ray version, installing the lock first if the venv does not hold it: a
 * venv made by `python<X.Y>` (the lock's), then `pip install --require-hashes --no-deps
 * --only-binary :all:` of the lock. Skipped, with why and the fix, when that Python is missing or
 * pip fails (no network, no wheel for this platform). `lock` and `venvDir` are for tests.
 */
export async function installRay(lock = RAY_LOCK, venvDir = RAY_VENV): Promise<RayInstall> {
  const text = readFileSync(lock, "utf8");
  const { python: version, pins } = parseRayLock(text);
  const lockHash = createHash("sha256").update(text).digest("hex");
  const python = join(venvDir, "bin", "python");
  const have = await readyVersion(venvDir, python, lockHash);
  if (have) return { ready: true, python, ray: have };
  const interpreter = `python${version}`;
  const probe = await execa(interpreter, ["--version"], { reject: false, stdin: "ignore", all: true });
  if (probe.exitCode !== 0 || !probe.all.includes(`Python ${version}.`)) {
    return { ready: false, reason: `${interpreter} is not on PATH (${lock} holds CPython ${version} wheels).\nFix: install Python ${version}, or lock for yours as that file's header says.` };
  }
  // A venv of another lock, or an install cut short: start over, so that it holds exactly the lock.
  rmSync(venvDir, { recursive: true, force: true });
  console.error(`[bench:hpo] ray_asha: installing ray[tune]==${pins.get("ray") ?? "?"} (about 200 MB of wheels, 770 MB installed) into ${venvDir}`);
  const venv = await execa(interpreter, ["-m", "venv", venvDir], { all: true, reject: false, stdin: "ignore" });
  if (venv.exitCode !== 0) return { ready: false, reason: `${interpreter} -m venv ${venvDir} failed:\n${lastLines(venv.all)}` };
  const args = ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "--require-hashes", "--no-deps", "--only-binary", ":all:", "-r", lock];
  const pip = await execa(python, args, { all: true, reject: false, stdin: "ignore" });
  if (pip.exitCode !== 0) {
    return { ready: false, reason: `pip install -r ${lock} failed:\n${lastLines(pip.all)}\nFix: check that PyPI is reachable (pip's own error above), then run again; the venv is made anew.` };
  }
  writeFileSync(join(venvDir, STAMP), lockHash + "\n");
  const got = await readyVersion(venvDir, python, lockHash);
  if (!got) return { ready: false, reason: `ray and benchmark_apis do not import in ${venvDir} after installing ${lock}.\nFix: remove ${venvDir} and run again.` };
  return { ready: true, python, ray: got };
}
