// Finds a program from a Debian package, installing the package when it is missing (as
// .ci/run does), so a test skips only where it cannot be installed at all.
import { execa } from "execa";

export async function findOrInstall(program: string, path: string, debianPackage: string): Promise<{ path: string } | { reason: string }> {
  const which = async (): Promise<string | undefined> =>
    (await execa("sh", ["-c", `command -v ${program} || ls ${path}`], { reject: false })).stdout.split("\n")[0] || undefined;
  const found = await which();
  if (found) return { path: found };
  const install = await execa("apt-get", ["install", "-y", "--no-install-recommends", debianPackage], {
    reject: false,
    all: true,
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = await which();
  if (installed) return { path: installed };
  return { reason: `${program} is not installed and apt-get could not install ${debianPackage}: ${install.all?.slice(-300)}` };
}
