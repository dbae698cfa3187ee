"""What a search ranks its trials by: one metric and goal, or several objectives with constraints.

`hyperparam_search` takes either `metric` (with `goal`) or `objectives`; both become the same
struct here, checked at analysis, which every action that ranks, promotes or proposes trials
writes into its manifest.
"""

GOALS = ["maximize", "minimize"]

# `select` for several objectives: the front's trial nearest the ideal point, each objective
# scaled to [0, 1] over the front (tools/src/pareto/).
KNEE = "knee"

_OPS = ["<=", ">="]

def _is_digits(text):
    return text != "" and text.isdigit()

def _is_decimal(text):
    """Whether text is a decimal number as float() reads it: 20, -0.5, 1e-3, .5, 2."""
    mantissa, e, exponent = text.lower().partition("e")
    if e and not _is_digits(exponent[1:] if exponent[:1] in ("+", "-") else exponent):
        return False
    mantissa = mantissa[1:] if mantissa[:1] in ("+", "-") else mantissa
    whole, _, fraction = mantissa.partition(".")
    return (_is_digits(whole) or _is_digits(fraction)) and (whole == "" or whole.isdigit()) and (fraction == "" or fraction.isdigit())

def _parse_constraint(where, metric, text):
    """`"<= 20"` -> struct(metric, op, bound); fails with the fix on anything else."""
    bad = ("databazel: {}: constraints[\"{}\"] = {} is not a bound.\n" +
           "Fix: write \"<= N\" (feasible while the metric is at most N) or \">= N\" (at least N), " +
           "e.g. constraints = {{\"{}\": \"<= 20\"}}.").format(where, metric, json.encode(text), metric)
    if type(text) != "string":
        fail(bad)
    stripped = text.strip()
    op = stripped[:2]
    if op not in _OPS:
        fail(bad)
    number = stripped[2:].strip()

    # float() would fail the build in Bazel's words on a bad number: check it first.
    if not _is_decimal(number):
        fail(bad)
    return struct(metric = metric, op = op, bound = float(number))

def search_objectives(ctx, where):
    """The search's ranking, from `metric`/`goal` or `objectives`, `constraints` and `select`.

    Args:
      ctx: the hyperparam_search rule's context.
      where: string naming the target, for the messages.

    Returns:
      struct(
        objectives: list of struct(name, goal), in the order given;
        constraints: list of struct(metric, op, bound);
        select: "knee", an objective's name, or None with one objective;
        metric, goal: the objective that names the best trial's value (`select`'s, else the first);
        metrics: every metric each trial's eval must write (objectives, then constrained ones);
        manifest: the same, as the actions' manifests carry it,
      )
    """
    metric = ctx.attr.metric
    objectives = ctx.attr.objectives
    if metric and objectives:
        fail(("databazel: {}: both metric and objectives are set.\n" +
              "Fix: rank by one metric (metric = \"accuracy\", goal = \"maximize\") or by several " +
              "(objectives = {{\"accuracy\": \"maximize\", \"params\": \"minimize\"}}), not both.").format(where))
    if not metric and not objectives:
        fail(("databazel: {}: metric is not named, so trials cannot be ranked.\n" +
              "Fix: set metric = \"accuracy\" (or another number the eval executable writes), " +
              "and goal = \"maximize\" or \"minimize\"; or, to trade several off, " +
              "objectives = {{\"accuracy\": \"maximize\", \"params\": \"minimize\"}}.").format(where))
    if objectives and ctx.attr.goal:
        fail(("databazel: {}: goal = {} has no meaning with objectives, where each objective has its own.\n" +
              "Fix: remove goal, and give each objective \"maximize\" or \"minimize\": " +
              "objectives = {{\"accuracy\": \"maximize\", \"params\": \"minimize\"}}.").format(where, json.encode(ctx.attr.goal)))
    if metric:
        goal = ctx.attr.goal or "maximize"
        if goal not in GOALS:
            fail(("databazel: {}: goal = {} is not one of \"maximize\", \"minimize\".\n" +
                  "Fix: set goal = \"maximize\" for a metric that is better higher (accuracy), or \"minimize\" for one " +
                  "that is better lower (loss).").format(where, json.encode(goal)))
        objectives = {metric: goal}
    for name, goal in objectives.items():
        if not name:
            fail(("databazel: {}: objectives has an empty metric name.\n" +
                  "Fix: name each objective as the eval executable writes it, e.g. \"accuracy\".").format(where))
        if goal not in GOALS:
            fail(("databazel: {}: objectives[\"{}\"] = {} is not one of \"maximize\", \"minimize\".\n" +
                  "Fix: set objectives[\"{}\"] = \"maximize\" if it is better higher, \"minimize\" if lower.").format(
                where,
                name,
                json.encode(goal),
                name,
            ))
    names = list(objectives.keys())
    select = ctx.attr.select
    if select and len(names) < 2:
        fail(("databazel: {}: select = {} picks one trial of a Pareto front, but the search has one objective, " +
              "whose best trial is the best model.\n" +
              "Fix: remove select, or give objectives = {{...}} two or more metrics.").format(where, json.encode(select)))
    if select and select != KNEE and select not in names:
        fail(("databazel: {}: select = {} is neither \"knee\" nor one of the objectives ({}).\n" +
              "Fix: set select = \"{}\" for the front's best trial by that objective, or \"knee\" for the " +
              "front's trial nearest the ideal point.").format(where, json.encode(select), ", ".join(names), names[0]))
    if len(names) >= 2 and not select:
        select = KNEE
    constraints = [_parse_constraint(where, m, t) for m, t in ctx.attr.constraints.items()]
    for c in constraints:
        if not c.metric:
            fail(("databazel: {}: constraints has an empty metric name.\n" +
                  "Fix: name the metric the eval executable writes, e.g. constraints = {{\"latency_ms\": \"<= 20\"}}.").format(where))
    primary = select if select in names else names[0]
    goals = [objectives[n] for n in names]
    metrics = names + [c.metric for c in constraints if c.metric not in names]
    return struct(
        objectives = [struct(name = n, goal = g) for n, g in zip(names, goals)],
        constraints = constraints,
        select = select or None,
        metric = primary,
        goal = objectives[primary],
        metrics = metrics,
        manifest = {
            "constraints": [{"bound": c.bound, "metric": c.metric, "op": c.op} for c in constraints],
            "objectives": [{"goal": g, "name": n} for n, g in zip(names, goals)],
        },
    )
