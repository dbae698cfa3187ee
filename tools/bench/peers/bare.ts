// The baseline: a shell loop that runs train then eval for each trial, serially or 2 at a time
// (xargs -P2). It has no notion of up to date, so it has no no-op rerun, and after an edit the
// user runs the changed trials by hand: here, a list of exactly those.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { copyFixtures } from "../fixtures.ts";
import { copyScripts, grids, trials, type Trial } from "./scripts.ts";
import { timed, writeFiles, type Session, type Tool } from "./run.ts";

const list = (ts: Trial[]) => ts.map(([a, b]) => `${a} ${b}\n`).join("");

export function bareTool(python: string, parallel: 1 | 2): Tool {
  const column = parallel === 1 ? "bare loop" : "bare, 2 at a time";
  return {
    column,
    async setup(n, root): Promise<Session> {
      const dir = join(root, parallel === 1 ? "bare" : "bare-p2");
      mkdirSync(dir);
      const { original, changed, changedValue } = grids(n);
      copyScripts(dir, python);
      copyFixtures(dir, [{ dir: "peers/bare" }]);
      writeFiles(dir, {
        "all.txt": list(trials(original)),
        "changed.txt": list(trials(changed).filter(([a]) => a === changedValue)),
      });
      // Both read "A B" lines; the serial one is the plain loop a user would write.
      const run = (file: string, cap: number) =>
        timed(
          column,
          "sh",
          [
            "-c",
            parallel === 1
              ? `set -e; while read a b; do sh trial.sh "$a" "$b"; done <${file}`
              : `xargs -P2 -n2 sh trial.sh <${file}`,
          ],
          { cwd: dir, cap },
        );
      return {
        async reset() {
          rmSync(join(dir, "out"), { recursive: true, force: true });
        },
        full: (cap) => run("all.txt", cap),
        change: (cap) => run("changed.txt", cap),
        async dispose() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}
