"""pip.parse for the offline Bazel: Debian's rules_python 0.22.1, with today's attribute names.

rules_python 0.24 renamed `name` to `hub_name`, and 0.25 added `python_version`. This extension
takes both spellings, so one MODULE.bazel works here and with rules_python from the Bazel Central
Registry; `python_version` must be the version of the root's python3 (no interpreter download).
Aliases (`@pypi//numpy`) are on by default, as in today's rules_python.
"""

load("@rules_python//python/pip_install:pip_repository.bzl", "locked_requirements_label", "pip_repository_attrs", "pip_repository_bzlmod", "use_isolated", "whl_library")
load("@rules_python//python/pip_install:requirements_parser.bzl", parse_requirements = "parse")
load(":python_version.bzl", "check_python_version")

def _hub_name(attr):
    if attr.hub_name and attr.name and attr.hub_name != attr.name:
        fail("pip.parse(hub_name = \"%s\", name = \"%s\"): two names for one hub.\nFix: keep hub_name only." % (attr.hub_name, attr.name))
    hub = attr.hub_name or attr.name
    if not hub:
        fail("pip.parse needs hub_name, the repository that `requirement()` and `@<hub>//<package>` come from.\n" +
             "Fix: pip.parse(hub_name = \"pypi\", python_version = \"3.14\", requirements_lock = \"//:requirements_lock.txt\").")
    return hub

def _sanitize(name):
    # The same spelling as the whl_library repositories of rules_python 0.22.1.
    return name.replace("-", "_").replace(".", "_").lower()

def _pip_impl(module_ctx):
    for mod in module_ctx.modules:
        for attr in mod.tags.parse:
            hub = _hub_name(attr)
            if attr.python_version:
                check_python_version(
                    module_ctx,
                    "pip.parse(hub_name = \"%s\", python_version = \"%s\")" % (hub, attr.python_version),
                    attr.python_version,
                    attr.python_interpreter or "python3",
                )
            lock = locked_requirements_label(module_ctx, attr)
            parsed = parse_requirements(module_ctx.read(lock))
            pip_repository_bzlmod(
                name = hub,
                repo_name = hub,
                requirements_lock = attr.requirements_lock,
                incompatible_generate_aliases = attr.incompatible_generate_aliases,
            )
            for name, line in parsed.requirements:
                whl_library(
                    name = "%s_%s" % (hub, _sanitize(name)),
                    requirement = line,
                    repo = hub,
                    repo_prefix = hub + "_",
                    annotation = attr.annotations.get(name),
                    python_interpreter = attr.python_interpreter,
                    python_interpreter_target = attr.python_interpreter_target,
                    quiet = attr.quiet,
                    timeout = attr.timeout,
                    isolated = use_isolated(module_ctx, attr),
                    extra_pip_args = attr.extra_pip_args + parsed.options,
                    download_only = attr.download_only,
                    pip_data_exclude = attr.pip_data_exclude,
                    enable_implicit_namespace_pkgs = attr.enable_implicit_namespace_pkgs,
                    environment = attr.environment,
                )

def _parse_attrs():
    attrs = dict(pip_repository_attrs)
    attrs.pop("repo_prefix")
    attrs.update({
        "hub_name": attr.string(doc = "The repository the requirements are loaded from (today's name)."),
        "incompatible_generate_aliases": attr.bool(default = True, doc = "@<hub>//<package> aliases, on as in today's rules_python."),
        "name": attr.string(doc = "rules_python 0.22's name for hub_name."),
        "python_version": attr.string(doc = "Must be the root's Python, major.minor."),
    })
    return attrs

pip = module_extension(
    doc = "Creates a hub repository and one wheel repository per locked requirement.",
    implementation = _pip_impl,
    tag_classes = {"parse": tag_class(attrs = _parse_attrs())},
)
