"""The DatabazelReport action: a self-contained HTML report for a model, an evaluation or a search."""

load("//databazel/private:names.bzl", "display_label")
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN_TYPE", "node_runtime")

def report_action(ctx, *, kind, details, inputs):
    """Registers the report of this target and returns the HTML file.

    The manifest names every input by its exec-root path; tools/src/bin/report.ts reads it.

    Args:
      ctx: the rule context; the rule must declare the Node toolchain and `_report`.
      kind: "model", "evaluate" or "search".
      details: dict of what the report shows, by kind (see tools/src/report/manifest.ts).
      inputs: list of Files the manifest names.

    Returns:
      File: `<name>.report.html`.
    """
    manifest = ctx.actions.declare_file(ctx.label.name + ".report.json")
    ctx.actions.write(manifest, json.encode_indent(
        dict(details, kind = kind, label = display_label(ctx.label)),
        indent = "  ",
    ) + "\n")
    html = ctx.actions.declare_file(ctx.label.name + ".report.html")
    args = ctx.actions.args()
    args.add(ctx.file._report)
    args.add("--manifest", manifest)
    args.add("--output", html)
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
