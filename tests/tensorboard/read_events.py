"""Reads a directory of TensorBoard event files with TensorBoard's own code, for
tests/tensorboard-export.test.ts, and prints what it found as JSON:

  runs: for each run directory (relative to LOGDIR; "." for LOGDIR itself), the file version,
    every scalar as [step, wall_time, value] (EventAccumulator, which checks every record's
    CRCs), and each hparams summary parsed by the hparams plugin's metadata module (which checks
    the plugin data version);
  experiment, session_groups: what the hparams dashboard's backend answers (/experiment and
    /session_groups of the HParamsPlugin over a MultiplexerDataProvider).

Usage: python read_events.py LOGDIR
"""

import json
import os
import sys

from google.protobuf import json_format
from tensorboard import context as tb_context
from tensorboard.backend.event_processing import data_provider
from tensorboard.backend.event_processing import event_accumulator
from tensorboard.backend.event_processing import plugin_event_multiplexer
from tensorboard.plugins import base_plugin
from tensorboard.plugins.hparams import hparams_plugin
from tensorboard.plugins.hparams import metadata
from werkzeug import test as werkzeug_test
from werkzeug import wrappers

PARSERS = {
    metadata.EXPERIMENT_TAG: metadata.parse_experiment_plugin_data,
    metadata.SESSION_START_INFO_TAG: metadata.parse_session_start_info_plugin_data,
    metadata.SESSION_END_INFO_TAG: metadata.parse_session_end_info_plugin_data,
}


def to_dict(message):
    return json_format.MessageToDict(message, preserving_proto_field_name=True)


def read_run(path):
    acc = event_accumulator.EventAccumulator(path, size_guidance={event_accumulator.SCALARS: 0})
    acc.Reload()
    scalars = {
        tag: [[e.step, e.wall_time, e.value] for e in acc.Scalars(tag)]
        for tag in acc.Tags()[event_accumulator.SCALARS]
    }
    try:
        contents = acc.PluginTagToContent(metadata.PLUGIN_NAME)
    except KeyError:
        contents = {}
    hparams = {tag: to_dict(PARSERS[tag](content)) for tag, content in contents.items()}
    return {
        "file_version": acc.file_version,
        "files": sorted(f for f in os.listdir(path) if "tfevents" in f),
        "scalars": scalars,
        "hparams": hparams,
    }


def hparams_backend(logdir):
    mux = plugin_event_multiplexer.EventMultiplexer()
    mux.AddRunsFromDirectory(logdir)
    mux.Reload()
    provider = data_provider.MultiplexerDataProvider(mux, logdir)
    context = base_plugin.TBContext(logdir=logdir, multiplexer=mux, data_provider=provider)
    apps = hparams_plugin.HParamsPlugin(context).get_plugin_apps()

    def call(route, body):
        environ = werkzeug_test.EnvironBuilder(
            method="POST",
            path="/data/plugin/hparams" + route,
            data=json.dumps(body),
            content_type="application/json",
        ).get_environ()
        tb_context.set_in_environ(environ, tb_context.RequestContext())
        response = wrappers.Response.from_app(apps[route], environ)
        if response.status_code != 200:
            raise RuntimeError("%s: HTTP %d: %s" % (route, response.status_code, response.get_data(as_text=True)))
        return json.loads(response.get_data())

    experiment = call("/experiment", {"experimentName": ""})
    groups = call(
        "/session_groups",
        {
            "experimentName": "",
            "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"],
            "colParams": [],
            "startIndex": 0,
            "sliceSize": 1000,
        },
    )
    return experiment, groups.get("sessionGroups", [])


def main():
    logdir = sys.argv[1]
    runs = {}
    for directory, _, files in os.walk(logdir):
        if any("tfevents" in f for f in files):
            runs[os.path.relpath(directory, logdir)] = read_run(directory)
    experiment, session_groups = hparams_backend(logdir)
    json.dump({"runs": runs, "experiment": experiment, "session_groups": session_groups}, sys.stdout)


if __name__ == "__main__":
    main()
