"""The DatabazelReport action: a self-contained HTML report for a model, an evaluation or a search."""

load("//databazel/private:contract.bzl", "FILE_SUFFIXES", "REPORT_FLAGS", "REPORT_MANIFEST_FIELDS")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load(":common.bzl", "WORKER_REQUIREMENTS", "check_fields", "helper_args", "write_manifest")

def report_action(ctx, *, kind, details, inputs):
    """Registers the report of this target and returns the HTML file.

    The manifest names every input by its exec-root path; tools/src/bin/report.ts reads it.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_report`.
      kind: "model", "evaluate" or "search".
      details: dict of what the report shows, by kind (see tools/src/formats/report-manifest.ts).
      inputs: list of Files the manifest names.

    Returns:
      File: `<name>.report.html`.
    """
    for trial in details.get("trials", []):
        check_fields("search report manifest's trial", trial, REPORT_MANIFEST_FIELDS["search_trial"])
    for distribution in details.get("space", {}).values():
        check_fields("search report manifest's distribution", distribution, REPORT_MANIFEST_FIELDS["search_distribution"])
    manifest = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["report_manifest"])
    write_manifest(ctx, manifest, check_fields(
        kind + " report manifest",
        dict(details, kind = kind, label = display_label(ctx.label)),
        REPORT_MANIFEST_FIELDS[kind],
    ))
    html = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["report_html"])
    startup, args = helper_args(ctx, ctx.file._report)
    args.add(REPORT_FLAGS["manifest"], manifest)
    args.add(REPORT_FLAGS["output"], html)
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [startup, args],
        inputs = [manifest] + inputs,
        # A tool: a worker is restarted when it changes. A worker: every `evaluate` target has
        # a report, and Node would otherwise start once for each.
        tools = [ctx.file._report],
        outputs = [html],
        mnemonic = "DatabazelReport",
        progress_message = "Writing the report of %{label}",
        # No path mapping: the manifest names its inputs by their unmapped paths.
        execution_requirements = WORKER_REQUIREMENTS,
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return html
