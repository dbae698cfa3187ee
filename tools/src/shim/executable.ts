// Checks, before running it, that the user's executable can run at all: a plain script file
// without the execute permission would otherwise fail as "exit code 127" with an EACCES line.
import { accessSync, constants, statSync } from "node:fs";
import type { Problem } from "./problem.ts";

/** Why `path`, the executable that `attribute` ("train_executable") names, cannot run, or undefined when it can. */
export function unrunnableProblem(path: string, attribute: string): Problem | undefined {
  try {
    if (statSync(path).isDirectory()) {
      return {
        cause: `${path} (${attribute}) is a directory, not a program.`,
        fix: `set ${attribute} to an executable target, e.g. an sh_binary or py_binary, or to an executable script file.`,
      };
    }
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return {
      cause: `${path} (${attribute}) is not executable: it is a plain file without the execute permission, so it cannot run.`,
      fix:
        `make it executable (chmod +x ${path}, and commit the mode: git update-index --chmod=+x), ` +
        `or wrap it in a rule that runs it, e.g. sh_binary(name = "${attribute.split("_")[0]}", srcs = ["${path.split("/").at(-1)}"]) ` +
        `or py_binary, and set ${attribute} = ":${attribute.split("_")[0]}".`,
    };
  }
}
