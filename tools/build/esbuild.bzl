"""Bundles a TypeScript entry point with esbuild: the one generator of the checked-in bundles.

`npm run build:tools` copies this rule's outputs into the source tree, and
//tools/build:bundles_test fails when a checked-in bundle differs from them.
"""

BANNER = "// Generated from {entry} by `npm run build:tools`. Do not edit."

def _esbuild_bundle_impl(ctx):
    entry = ctx.file.entry
    out = ctx.actions.declare_file(ctx.attr.out or "{}/{}.cjs".format(ctx.label.name, entry.basename[:-len(".ts")]))
    args = ctx.actions.args()
    args.add(entry)
    args.add_all([
        "--bundle",
        "--platform=node",
        "--target=node18",
        "--format=cjs",
        "--legal-comments=none",
        "--charset=utf8",
        # Quiet on success; errors still fail the action.
        "--log-level=error",
        # Sandboxed inputs are symlinks: keep their execroot paths, which are the repository
        # paths esbuild writes into its `// path` comments, as it does from the source tree.
        "--preserve-symlinks",
    ])
    if ctx.attr.banner:
        args.add("--banner:js=" + ctx.attr.banner.format(entry = entry.short_path))
    args.add("--outfile=" + out.path)
    ctx.actions.run(
        executable = ctx.executable._esbuild,
        arguments = [args],
        inputs = depset([entry] + ctx.files.srcs + ctx.files._config),
        outputs = [out],
        mnemonic = "Esbuild",
        progress_message = "Bundling %{input}",
    )
    return [DefaultInfo(files = depset([out]))]

esbuild_bundle = rule(
    implementation = _esbuild_bundle_impl,
    doc = "Bundles one entry point and everything it imports into one CommonJS file for Node.",
    attrs = {
        "banner": attr.string(
            doc = "A first line for the bundle; `{entry}` is the entry's repository path.",
            default = BANNER,
        ),
        "entry": attr.label(
            doc = "The entry point (.ts).",
            allow_single_file = [".ts"],
            mandatory = True,
        ),
        "out": attr.string(
            doc = "The bundle's path in the package; default `<name>/<entry>.cjs`.",
        ),
        "srcs": attr.label_list(
            doc = "Every source file the entry point imports.",
            allow_files = [".ts"],
        ),
        "_config": attr.label_list(
            doc = "What esbuild reads beside the sources: tsconfig.json's compiler options, package.json's module type.",
            default = ["//:tsconfig.json", "//:package.json"],
            allow_files = True,
        ),
        "_esbuild": attr.label(
            doc = "esbuild's native binary, from node_modules.",
            default = "@databazel_dev_npm//:esbuild",
            allow_single_file = True,
            executable = True,
            cfg = "exec",
        ),
    },
)

def esbuild_bundles(name, entries, srcs, **kwargs):
    """Bundles each entry point as `<name>/<entry>.cjs`, and groups the bundles as `name`.

    Args:
      name: the filegroup of every bundle; each bundle's target is named after its entry.
      entries: entry points (.ts) in this package.
      srcs: every source file the entry points import.
      **kwargs: common attributes for every target.
    """
    targets = []
    for entry in entries:
        base = entry.split("/")[-1][:-len(".ts")]
        esbuild_bundle(
            name = base,
            srcs = srcs,
            entry = entry,
            out = "{}/{}.cjs".format(name, base),
            **kwargs
        )
        targets.append(":" + base)
    native.filegroup(
        name = name,
        srcs = targets,
        **kwargs
    )
