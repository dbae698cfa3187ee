"""Development only: esbuild's native binary from the root module's node_modules.

The checked-in bundles are built with it (tools/build/esbuild.bzl), at the version that
package-lock.json pins. Nothing here is fetched: the repository links to what `npm ci`
installed, and fails with that fix when it is missing.
"""

_BUILD = """\
exports_files(["esbuild"])
"""

def _missing(root, what):
    fail(("databazel: {} is missing, and building the bundles (npm run build:tools, bazel test //...) needs it.\n" +
          "Fix: run `npm ci` in {}.").format(what, root))

def _dev_npm_repository_impl(rctx):
    root = rctx.path(Label("//:package.json")).dirname
    node_modules = root.get_child("node_modules")
    if not node_modules.exists:
        _missing(root, node_modules)

    # npm installs esbuild's native binary for this platform only, as @esbuild/<os>-<cpu>.
    platforms = node_modules.get_child("@esbuild")
    binaries = [p.get_child("bin").get_child("esbuild") for p in (platforms.readdir() if platforms.exists else [])]
    binaries = [b for b in binaries if b.exists]
    if not binaries:
        _missing(root, "{}/@esbuild/<platform>/bin/esbuild".format(node_modules))
    rctx.symlink(binaries[0], "esbuild")
    rctx.file("BUILD.bazel", _BUILD)

dev_npm_repository = repository_rule(
    implementation = _dev_npm_repository_impl,
    doc = "Links esbuild's native binary, which builds the bundles.",
    local = True,
)

def _dev_npm_impl(_mctx):
    dev_npm_repository(name = "databazel_dev_npm")

dev_npm = module_extension(
    implementation = _dev_npm_impl,
    doc = "Makes `@databazel_dev_npm` (esbuild from node_modules) for databazel's own tests.",
)
