"""The oldest Bazel databazel supports, and the message for an older one."""

MINIMUM_BAZEL_VERSION = "7.1.0"

def _parts(version):
    parts = []
    for part in version.split(".")[:3]:
        digits = ""
        for c in part.elems():
            if not c.isdigit():
                break
            digits += c
        parts.append(int(digits) if digits else 0)
    return parts + [0] * (3 - len(parts))

def bazel_version_problem(version, minimum = MINIMUM_BAZEL_VERSION):
    """Says what is wrong when `version` is older than `minimum`.

    Args:
      version: a Bazel version such as "7.7.1" or "8.0.0rc1"; empty for a build without a
        release label (Debian's, or one built from source), which is not checked.
      minimum: the oldest supported version.

    Returns:
      The error message, or "" when the version is supported or unknown.
    """
    if not version or _parts(version) >= _parts(minimum):
        return ""
    return ("databazel: this is Bazel {version}, and databazel needs Bazel {minimum} or newer " +
            "(it uses repository_ctx.watch and toolchain-aware actions).\n" +
            "Fix: pin a newer Bazel in .bazelversion, e.g. `echo 7.7.1 > .bazelversion`, and run it " +
            "through bazelisk.").format(version = version, minimum = minimum)

def check_bazel_version():
    """Fails with a fix when the running Bazel is older than databazel supports."""
    problem = bazel_version_problem(native.bazel_version)
    if problem:
        fail(problem)
