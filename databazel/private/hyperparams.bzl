"""Hyperparameter values as the macros accept them: strings, or numbers, which they turn into strings."""

def hyperparam_value(where, attr_name, value):
    """One hyperparameter value as a string; fails in the loading phase on anything else.

    Args:
      where: string naming the target, e.g. `model(name = "m")`, for the message.
      attr_name: where the value is, e.g. `hyperparams["depth"]`.
      value: a string, int or float.

    Returns:
      string: the value, with numbers written as Starlark's str() writes them (1, 0.1, 1e-05).
    """
    if type(value) == "string":
        return value
    if type(value) in ("int", "float"):
        return str(value)
    fail(("databazel: {}: {} = {} is a {}; hyperparameter values are strings or numbers.\n" +
          "Fix: write it as a string, e.g. \"{}\" (the script converts it).").format(
        where,
        attr_name,
        repr(value),
        type(value),
        str(value).lower() if type(value) == "bool" else value,
    ))

def string_hyperparams(where, hyperparams):
    """The `hyperparams` dict of a macro, with numbers turned into strings.

    Args:
      where: string naming the target, for the message.
      hyperparams: dict of string to string or number, or None.

    Returns:
      dict of string to string.
    """
    if hyperparams == None:
        return {}
    if type(hyperparams) != "dict":
        fail(("databazel: {}: hyperparams must be a dict of name to value, got {} ({}).\n" +
              "Fix: write it as a dict, e.g. hyperparams = {{\"lr\": \"0.1\"}}.").format(where, type(hyperparams), hyperparams))
    return {k: hyperparam_value(where, "hyperparams[\"{}\"]".format(k), v) for k, v in hyperparams.items()}
