// Finds a program from a Debian package, installing the package when it is missing, so that
// `npm test` needs nothing installed by hand and a test skips only where apt cannot install it.
import { execa } from "execa";

/** The lock file that keeps apt-get calls from this project one at a time. */
const APT_LOCK = "/tmp/databazel-apt.lock";

/**
 * apt-get install, refreshing the package lists first when they are missing or stale; "" when
 * it worked, else apt's last words.
 */
export async function aptInstall(debianPackage: string): Promise<string> {
  // Another apt or dpkg (an unattended upgrade) holds dpkg's lock: wait for it. Test files run
  // side by side, and `apt-get update` does not wait for the package lists' lock: one apt-get
  // at a time (tools/lib/apt-install.sh takes the same lock).
  const apt = [APT_LOCK, "apt-get", "-o", "DPkg::Lock::Timeout=600", "-y", "--no-install-recommends"];
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  const install = () => execa("flock", [...apt, "install", debianPackage], { reject: false, all: true, env });
  const first = await install();
  if (first.exitCode === 0) return "";
  // A fresh machine or container has no package lists yet.
  const update = await execa("flock", [...apt, "update"], { reject: false, all: true, env });
  const second = await install();
  return second.exitCode === 0 ? "" : `${update.exitCode === 0 ? "" : `apt-get update: ${update.all?.slice(-300)}\n`}${second.all?.slice(-300)}`;
}

export async function findOrInstall(program: string, path: string, debianPackage: string): Promise<{ path: string } | { reason: string }> {
  const which = async (): Promise<string | undefined> =>
    (await execa("sh", ["-c", `command -v ${program} || ls ${path}`], { reject: false })).stdout.split("\n")[0] || undefined;
  const found = await which();
  if (found) return { path: found };
  const failure = await aptInstall(debianPackage);
  const installed = await which();
  if (installed) return { path: installed };
  return { reason: `${program} is not installed and apt-get could not install ${debianPackage}: ${failure}` };
}
