"""The DatabazelReport action: a self-contained HTML report for a model, an evaluation or a search."""

load("//databazel/private:contract.bzl", "FILE_SUFFIXES", "REPORT_FLAGS", "REPORT_MANIFEST_FIELDS")
load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")
load(":common.bzl", "check_fields", "write_manifest")

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
    manifest = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["report_manifest"])
    write_manifest(ctx, manifest, check_fields(
        kind + " report manifest",
        dict(details, kind = kind, label = display_label(ctx.label)),
        REPORT_MANIFEST_FIELDS[kind],
    ))
    html = ctx.actions.declare_file(ctx.label.name + FILE_SUFFIXES["report_html"])
    args = ctx.actions.args()
    args.add(ctx.file._report)
    args.add(REPORT_FLAGS["manifest"], manifest)
    args.add(REPORT_FLAGS["output"], html)
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = [ctx.file._report, manifest] + inputs,
        outputs = [html],
        mnemonic = "DatabazelReport",
        progress_message = "Writing the report of %{label}",
        # No path mapping: the manifest names its inputs by their unmapped paths.
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return html
