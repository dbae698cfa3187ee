// Installs the peers (Snakemake, DVC) from PyPI into a venv of the benchmark's own, pinned, and
// reuses it when it already holds those versions. A tool that does not install is skipped, with
// the reason, rather than failing the whole benchmark.
import { execa } from "execa";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../build/paths.ts";

/** Pinned so that figures from two runs compare the same tools. */
export const PINS = { snakemake: "9.27.1", dvc: "3.67.1" } as const;
export type PeerTool = keyof typeof PINS;

export const venvDir = join(repoRoot, "node_modules", ".cache", "databazel", "peers-venv");
export const venvBin = (tool: PeerTool) => join(venvDir, "bin", tool);

export interface PeerInstall {
  /** The version of each tool that is ready to run. */
  ready: Partial<Record<PeerTool, string>>;
  /** Why a tool was skipped. */
  skipped: Partial<Record<PeerTool, string>>;
}

async function installedVersion(tool: PeerTool): Promise<string | undefined> {
  const python = join(venvDir, "bin", "python");
  if (!existsSync(python)) return undefined;
  const probe = await execa(python, ["-c", `import importlib.metadata as m; print(m.version(${JSON.stringify(tool)}))`], {
    reject: false,
    stdin: "ignore",
  });
  return probe.exitCode === 0 ? probe.stdout.trim() : undefined;
}

const lastLines = (text: string, n = 15) => text.trim().split("\n").slice(-n).join("\n");

export async function installPeers(tools: PeerTool[]): Promise<PeerInstall> {
  const result: PeerInstall = { ready: {}, skipped: {} };
  if (tools.length === 0) return result;
  if (!existsSync(join(venvDir, "bin", "python"))) {
    console.error(`[peers] creating ${venvDir}`);
    const venv = await execa("python3", ["-m", "venv", venvDir], { all: true, reject: false, stdin: "ignore" });
    if (venv.exitCode !== 0) {
      for (const tool of tools) result.skipped[tool] = `python3 -m venv failed:\n${lastLines(venv.all)}`;
      return result;
    }
  }
  for (const tool of tools) {
    const want = PINS[tool];
    if ((await installedVersion(tool)) !== want) {
      console.error(`[peers] pip install ${tool}==${want} into ${venvDir}`);
      // One tool at a time, so that one failing to install does not take the other with it.
      const pip = await execa(
        join(venvDir, "bin", "python"),
        ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", `${tool}==${want}`],
        { all: true, reject: false, stdin: "ignore" },
      );
      if (pip.exitCode !== 0) {
        result.skipped[tool] = `pip install ${tool}==${want} failed:\n${lastLines(pip.all)}`;
        continue;
      }
    }
    const got = await installedVersion(tool);
    if (got === want && existsSync(venvBin(tool))) result.ready[tool] = got;
    else result.skipped[tool] = `${tool}==${want} is not importable in ${venvDir} after installing it (found ${got ?? "none"})`;
  }
  return result;
}
