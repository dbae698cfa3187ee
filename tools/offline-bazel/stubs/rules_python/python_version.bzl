"""Which Python the offline Bazel's rules_python runs, for the pip and python extensions."""

def local_python_version(module_ctx, interpreter = "python3"):
    """Returns the "major.minor" version and the path of the Python that actions and pip run.

    Args:
      module_ctx: the module extension's context.
      interpreter: a name looked up on PATH, or an absolute path.

    Returns:
      A (version, path) tuple of strings.
    """
    path = interpreter if interpreter.startswith("/") else module_ctx.which(interpreter)
    if not path:
        fail("rules_python (offline Bazel): no '%s' on PATH in the offline Bazel's root.\n" % interpreter +
             "Fix: provision the root again (delete it under DATABAZEL_CACHE), it installs python3.")
    result = module_ctx.execute([path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
    if result.return_code != 0:
        fail("rules_python (offline Bazel): %s did not run: %s" % (path, result.stderr))
    return result.stdout.strip(), str(path)

def check_python_version(module_ctx, where, wanted, interpreter = "python3"):
    """Fails, with the fix, when `wanted` is not the version of the local Python.

    Args:
      module_ctx: the module extension's context.
      where: the tag, as the user wrote it, for the message.
      wanted: the "major.minor" (or "major.minor.patch") version the tag asks for.
      interpreter: the Python to compare with.
    """
    have, path = local_python_version(module_ctx, interpreter)
    if wanted and ".".join(wanted.split(".")[:2]) != have:
        fail(("%s asks for Python %s, but the offline Bazel runs Python %s (%s), with no download.\n" +
              "Fix: write python_version = \"%s\", and lock the requirements for it " +
              "(uv pip compile --python-version %s ...).") % (where, wanted, have, path, have, have))
