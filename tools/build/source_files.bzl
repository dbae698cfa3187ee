"""Checked-in generated files: a test that they are fresh, and a target that updates them.

The bazel-lib `write_source_files` pattern: `bazel test //...` fails when a checked-in file
differs from what Bazel generates now (or is missing, or is left over with nothing that
generates it), and `bazel run` of an update_source_files target writes the generated files over
them. Unlike one skylib `diff_test` per file, a set also sees the missing and the left-over files.
"""

SourceFilesInfo = provider(
    doc = "Generated files and where they are checked in.",
    fields = {
        "copies": "list of (File, string): a generated file and its repository path.",
        "orphans": "list of string: checked-in files that nothing generates any more.",
    },
)

def _quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

def _plan(ctx):
    prefix = ctx.attr.dir + "/" if ctx.attr.dir else ""
    generated = {}
    for f in ctx.files.srcs:
        if f.basename in generated:
            fail("{}: two generated files are named {}".format(ctx.label, f.basename))
        generated[f.basename] = f
    checked_in = {}
    for f in ctx.files.checked_in:
        if f.short_path != prefix + f.basename:
            fail("{}: checked_in holds {}, which is not in dir = \"{}\"".format(ctx.label, f.short_path, ctx.attr.dir))
        checked_in[f.basename] = f
    return struct(
        pairs = [(generated[n], checked_in.get(n), prefix + n) for n in sorted(generated.keys())],
        orphans = [prefix + n for n in sorted(checked_in.keys()) if n not in generated],
    )

_TEST = """\
#!/bin/bash
# Compares generated files with their checked-in copies (runfiles paths).
problems=()
check() {{
  if [ ! -f "$2" ]; then
    problems+=("$3 is missing")
  elif ! cmp -s "$1" "$2"; then
    problems+=("$3 is stale")
  fi
}}
{checks}
orphans=({orphans})
for orphan in "${{orphans[@]}}"; do
  problems+=("$orphan is checked in, but nothing generates it any more")
done
if [ ${{#problems[@]}} -gt 0 ]; then
  printf '%s\\n' "${{problems[@]}}"
  echo "Fix: run \\`{update}\\` and commit the result."
  exit 1
fi
echo "{count} generated file(s) are fresh."
"""

def _source_files_test_impl(ctx):
    plan = _plan(ctx)
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(script, _TEST.format(
        checks = "\n".join([
            "check {} {} {}".format(_quote(g.short_path), _quote(c.short_path if c else "/nonexistent"), _quote(path))
            for g, c, path in plan.pairs
        ]),
        orphans = " ".join([_quote(o) for o in plan.orphans]),
        update = ctx.attr.update_command,
        count = len(plan.pairs),
    ), is_executable = True)
    runfiles = ctx.runfiles(files = ctx.files.srcs + ctx.files.checked_in)
    return [
        DefaultInfo(executable = script, runfiles = runfiles),
        SourceFilesInfo(copies = [(g, path) for g, _, path in plan.pairs], orphans = plan.orphans),
    ]

source_files_test = rule(
    implementation = _source_files_test_impl,
    doc = "Fails when the checked-in copies in `dir` differ from the generated `srcs`, by name.",
    test = True,
    attrs = {
        "checked_in": attr.label_list(
            doc = "The checked-in files (a glob, to see left-over ones); each named like its generated file.",
            allow_files = True,
        ),
        "dir": attr.string(
            doc = "The repository directory the files are checked in to; empty for the root.",
        ),
        "srcs": attr.label_list(
            doc = "The generated files.",
            allow_files = True,
            mandatory = True,
        ),
        "update_command": attr.string(
            doc = "The command that updates the checked-in copies, which the failure message names.",
            mandatory = True,
        ),
    },
)

_UPDATE = """\
#!/bin/bash
# Writes the generated files over their checked-in copies in the workspace.
set -euo pipefail
ws=${{BUILD_WORKSPACE_DIRECTORY:?run this with bazel run}}
copy() {{
  local dest="$ws/$2"
  cmp -s "$1" "$dest" && return
  mkdir -p "$(dirname "$dest")"
  # Bazel's outputs are read-only; write the content, and keep or give the usual modes.
  cat "$1" >"$dest.tmp"
  if [ "$(head -c 2 "$dest.tmp")" = "#!" ]; then chmod 755 "$dest.tmp"; else chmod 644 "$dest.tmp"; fi
  mv "$dest.tmp" "$dest"
  echo "updated $2"
}}
{copies}
orphans=({orphans})
kept=0
for orphan in "${{orphans[@]}}"; do
  # Only a file git tracks is removed (git still has it): an untracked one may be new and written
  # by hand, in a directory whose other files are generated.
  if git -C "$ws" ls-files --error-unmatch -- "$orphan" >/dev/null 2>&1; then
    rm -f "$ws/$orphan"
    echo "removed $orphan: nothing generates it"
  else
    echo "kept $orphan: nothing generates it, and git does not track it. If you wrote it, list it as written by hand in its directory's BUILD.bazel (docs/BUILD.bazel's _GUIDES); else delete it." >&2
    kept=1
  fi
done
echo "{count} generated file(s) are up to date."
exit $kept
"""

def _update_source_files_impl(ctx):
    copies = [c for s in ctx.attr.tests for c in s[SourceFilesInfo].copies]
    orphans = [o for s in ctx.attr.tests for o in s[SourceFilesInfo].orphans]
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(script, _UPDATE.format(
        copies = "\n".join(["copy {} {}".format(_quote(f.short_path), _quote(path)) for f, path in copies]),
        orphans = " ".join([_quote(o) for o in orphans]),
        count = len(copies),
    ), is_executable = True)
    return [DefaultInfo(executable = script, runfiles = ctx.runfiles(files = [f for f, _ in copies]))]

update_source_files = rule(
    implementation = _update_source_files_impl,
    doc = "`bazel run` it to write every generated file of `tests` over its checked-in copy.",
    executable = True,
    attrs = {
        "tests": attr.label_list(
            doc = "source_files_test targets whose files to update.",
            providers = [SourceFilesInfo],
        ),
    },
)
