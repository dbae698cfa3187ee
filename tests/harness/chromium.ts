// Headless Chromium (Debian's package) for the report tests: the DOM after the page's scripts
// ran, and screenshots. Each run gets a fresh profile and no network.
import { findOrInstall } from "./install.ts";
import { execa } from "execa";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import { repoRoot } from "./bazel.ts";

/** Where the report tests keep pages and screenshots for a human to look at. */
export const artifacts = join(repoRoot, "test-artifacts");

/** The chromium binary, installing Debian's package if needed; or why there is none. */
export function findChromium(): Promise<{ path: string } | { reason: string }> {
  return findOrInstall("chromium", "/usr/bin/chromium", "chromium");
}

/** Chromium for a group of report tests: its path, or "" and why there is none; test-artifacts/ is made. */
export async function chromiumForReports(): Promise<{ chromium: string; skip: string }> {
  const found = await findChromium();
  mkdirSync(artifacts, { recursive: true });
  return "reason" in found ? { chromium: "", skip: found.reason } : { chromium: found.path, skip: "" };
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function run(chromium: string, args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "databazel-chromium-"));
  try {
    const result = await execa(chromium, [...FLAGS, `--user-data-dir=${profile}`, ...args], {
      stdin: "ignore",
      timeout: 120_000,
    });
    return result.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's DOM, serialized after its scripts ran; `hash` is appended to the file URL. */
export function dumpDom(chromium: string, file: string, hash = ""): Promise<string> {
  return run(chromium, ["--dump-dom", pathToFileURL(file).href + hash]);
}

export async function screenshot(chromium: string, file: string, png: string, size = "1280,2000"): Promise<void> {
  await run(chromium, [`--screenshot=${png}`, `--window-size=${size}`, pathToFileURL(file).href]);
}

/** Keeps a screenshot of `file` as test-artifacts/<name>.png and checks it is a real image (a PNG over 30 kB). */
export async function keepScreenshot(chromium: string, file: string, name: string, size?: string): Promise<void> {
  const png = join(artifacts, `${name}.png`);
  await screenshot(chromium, file, png, size);
  expect(readFileSync(png).subarray(0, 8).toString("hex"), png).toBe("89504e470d0a1a0a");
  expect(statSync(png).size, png).toBeGreaterThan(30_000);
}
