// DVC 3: a dvc.yaml whose train and eval stages are `matrix`es over the grid, run by `dvc repro`
// in a git repository of its own. Editing one grid value changes those stages' commands and
// outputs; the others stay as dvc.lock recorded them.
import { execa } from "execa";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyScripts, grids, type Grid } from "./scripts.ts";
import { timed, ToolFailed, type Measurement, type Session, type Tool } from "./run.ts";
import { venvBin } from "./venv.ts";

const list = (xs: string[]) => JSON.stringify(xs);

function dvcYaml(grid: Grid): string {
  const matrix = `    matrix:\n      a: ${list(grid.a)}\n      b: ${list(grid.b)}\n`;
  const trial = "out/a${item.a}_b${item.b}";
  return `stages:
  train:
${matrix}    cmd: sh train.sh \${item.a} \${item.b} ${trial}
    deps:
      - train.py
      - train.sh
      - train.csv
    outs:
      - ${trial}/model
  eval:
${matrix}    cmd: sh eval.sh ${trial}
    deps:
      - eval.py
      - eval.sh
      - test.csv
      - ${trial}/model
    metrics:
      - ${trial}/metrics.json:
          cache: false
`;
}

// No telemetry or update checks: the machine is offline, and they are not what is measured.
const env = { DVC_NO_ANALYTICS: "1", DVC_UPDATER: "0" };

export function dvcTool(python: string): Tool {
  return {
    column: "DVC",
    async setup(n, root): Promise<Session> {
      const dir = join(root, "dvc");
      mkdirSync(dir);
      const { original, changed } = grids(n);
      copyScripts(dir, python);
      // DVC keeps state (its index, locks) in a site cache dir outside the repository by default;
      // inside it, a reset can clear it and nothing is left behind.
      const siteCache = join(dir, ".dvc-site-cache");
      for (const [file, args] of [
        ["git", ["init", "-q"]],
        [venvBin("dvc"), ["init", "-q"]],
        [venvBin("dvc"), ["config", "core.analytics", "false"]],
        [venvBin("dvc"), ["config", "core.site_cache_dir", siteCache]],
      ] as const) {
        const r = await execa(file, [...args], { cwd: dir, env, all: true, reject: false, stdin: "ignore" });
        if (r.exitCode !== 0) throw new ToolFailed(`DVC setup: ${file} ${args.join(" ")} (in ${dir}) failed:\n${r.all}`);
      }
      const run = async (cap: number): Promise<Measurement> => {
        const r = await timed("DVC", venvBin("dvc"), ["repro"], { cwd: dir, cap, env });
        // What it ran, to show that the no-op and the edit reran what they should.
        return { seconds: r.seconds, timedOut: r.timedOut, note: `${(r.all.match(/^Running stage /gm) ?? []).length} stages` };
      };
      return {
        async reset() {
          for (const p of ["out", "dvc.lock", ".dvc/cache", ".dvc/tmp", siteCache]) {
            rmSync(join(dir, p), { recursive: true, force: true });
          }
          writeFileSync(join(dir, "dvc.yaml"), dvcYaml(original));
        },
        full: run,
        noop: run,
        async change(cap) {
          writeFileSync(join(dir, "dvc.yaml"), dvcYaml(changed));
          return run(cap);
        },
        async dispose() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}
