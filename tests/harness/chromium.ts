// Headless Chromium (Debian's package) for the report tests: the DOM after the page's scripts
// ran, and screenshots. Each run gets a fresh profile and no network.
import { findOrInstall } from "./install.ts";
import { execa } from "execa";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The chromium binary, installing Debian's package if needed; or why there is none. */
export function findChromium(): Promise<{ path: string } | { reason: string }> {
  return findOrInstall("chromium", "/usr/bin/chromium", "chromium");
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
